package io.fleetsync.kubeconfig;

import io.fleetsync.input.YamlProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads the context names of kubeconfig files, each file once per fleet load. */
public final class KubeconfigContexts {

    /** The context names of one kubeconfig, or why they could not be read. */
    public record Contexts(Set<String> names, String failure) {
    }

    private final Map<Path, Contexts> byFile = new HashMap<>();

    public Contexts of(Path kubeconfig) {
        return byFile.computeIfAbsent(kubeconfig, KubeconfigContexts::read);
    }

    private static Contexts read(Path kubeconfig) {
        if (!Files.isRegularFile(kubeconfig)) {
            return new Contexts(Set.of(), "kubeconfig file " + kubeconfig + " does not exist");
        }
        try {
            var text = Files.readString(kubeconfig);
            var parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            var names = new LinkedHashSet<String>();
            if (parsed instanceof Map<?, ?> root && root.get("contexts") instanceof List<?> contexts) {
                for (var context : contexts) {
                    if (context instanceof Map<?, ?> entry && entry.get("name") instanceof String name) {
                        names.add(name);
                    }
                }
            }
            return new Contexts(names, null);
        } catch (IOException e) {
            return new Contexts(Set.of(), "kubeconfig file " + kubeconfig + " " + YamlProblems.unreadable(e));
        } catch (YAMLException e) {
            // The kubeconfig holds credentials: report where it broke, never what it says.
            var problem = YamlProblems.syntax(kubeconfig, e);
            return new Contexts(Set.of(), "kubeconfig file " + kubeconfig + " is not valid YAML (line "
                    + problem.line() + ")");
        }
    }
}
