package io.fleetsync.fleet;

import io.fleetsync.input.InputException;
import io.fleetsync.input.InputProblem;
import io.fleetsync.input.YamlFieldIndex;
import io.fleetsync.input.YamlProblems;
import io.fleetsync.input.YamlValues;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates a fleet file into a {@link Fleet}, reporting every problem at once with its line and field.
 *
 * <p>The environment and home directory are passed in rather than read from the process, so tests (and
 * callers that sandbox credentials) decide which tokens and kubeconfig files are visible.
 */
public final class FleetLoader {
    private final Map<String, String> environment;
    private final Path home;

    public FleetLoader(Map<String, String> environment, Path home) {
        this.environment = Map.copyOf(environment);
        this.home = home;
    }

    /** A loader that sees the process environment and the user's home directory. */
    public static FleetLoader forCurrentUser() {
        return new FleetLoader(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public Fleet load(Path file) throws InputException {
        var text = read(file);
        var root = compose(file, text);
        var index = YamlFieldIndex.of(root);
        var problems = new FleetProblems(file, index);
        for (var duplicate : index.duplicates()) {
            problems.add(new InputProblem(file, duplicate.position().line(), duplicate.position().column(),
                    duplicate.path(), "field appears twice in the same mapping"));
        }
        if (!(root instanceof MappingNode)) {
            problems.add("", "a fleet file is a mapping with 'clusters' and 'targets'");
            problems.throwIfAny();
        }
        var document = new FleetDocumentReader().read(value(file, root), problems);
        if (document == null) {
            if (problems.isEmpty()) {
                problems.add("", "the fleet file could not be mapped");
            }
            problems.throwIfAny();
        }
        var baseDir = file.toAbsolutePath().normalize().getParent();
        var clusters = new ClusterValidator(new ConnectionResolver(baseDir, environment, home), problems)
                .clusters(document.clusters());
        var targets = new TargetValidator(clusters, problems).targets(document.targets());
        var identity = identity(document.name(), problems);
        var health = new HealthRulesReader(problems).rules(document.health());
        var rollout = new RolloutValidator(clusters, problems).rollout(document.rollout());
        problems.throwIfAny();
        return new Fleet(file, clusters, targets, identity, health, rollout);
    }

    /** The name goes on every ApplySet parent; a DNS label, like target names, keeps it usable as a label too. */
    private static FleetIdentity identity(String name, FleetProblems problems) {
        if (name == null) {
            return FleetIdentity.UNNAMED;
        }
        var problem = NameRules.dnsLabelProblem(name);
        if (problem != null) {
            problems.add("name", "fleet name " + problem);
        }
        return new FleetIdentity(name);
    }

    private static String read(Path file) throws InputException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InputException(new InputProblem(file, 0, 0, null, "fleet file " + YamlProblems.unreadable(e)));
        }
    }

    private static Object value(Path file, Node root) throws InputException {
        try {
            return YamlValues.of(root, new LoaderOptions());
        } catch (YAMLException e) {
            throw new InputException(YamlProblems.syntax(file, e));
        }
    }

    private static Node compose(Path file, String text) throws InputException {
        try {
            var root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
            if (root == null) {
                throw new InputException(new InputProblem(file, 0, 0, null, "fleet file is empty"));
            }
            return root;
        } catch (YAMLException e) {
            throw new InputException(YamlProblems.syntax(file, e));
        }
    }
}
