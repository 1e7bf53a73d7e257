package io.fleetsync.fleet;

import static io.fleetsync.fleet.FleetLoaderTest.DIR;
import static io.fleetsync.fleet.FleetLoaderTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.input.InputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shapes a {@code resources} entry may take in the fleet file, and what is wrong with the others. */
class ResourceEntriesTest {
    private final FleetLoader loader = new FleetLoader(Map.of(), DIR.resolve("home"));

    @Test
    void filesKustomizeAndGeneratorsAreReadInListedOrder() throws InputException {
        var target = loader.load(DIR.resolve("renderers.yaml")).targets().getFirst();

        assertThat(target.resources()).containsExactly(
                new Source.Files("manifests/base/"),
                new Source.Kustomize("overlays/${cluster.labels.env}"),
                new Source.Exec(List.of("ytt", "-f", "config/", "--data-value", "cluster=${cluster.name}",
                        "--replicas", "3"), false),
                new Source.Exec(List.of("./gen.sh"), true),
                new Source.Helm("charts/web", "0.3.1", null, null, List.of("values/common.yaml",
                        "values/${cluster.labels.env}.yaml"), Map.of("replicas", "3", "owner", "${cluster.name}")));
    }

    @Test
    void everyMalformedEntryIsReportedAtItsOwnLine() {
        var problems = FleetLoaderTest.problems(loader, "bad/renderers.yaml");

        assertProblem(problems, 9, "targets[0].resources[0].jsonnet", "unknown field 'jsonnet' (known: exec,"
                + " kustomize, helm, clusterEnv with exec)");
        assertProblem(problems, 10, "targets[0].resources[1]", "names exactly one of exec, kustomize, helm, not exec"
                + " and kustomize");
        assertProblem(problems, 11, "targets[0].resources[2].exec", "expected a non-empty list: [command, args...]");
        assertProblem(problems, 12, "targets[0].resources[3].exec[1]", "expected a string argument but found a"
                + " mapping");
        assertProblem(problems, 13, "targets[0].resources[4].kustomize", "expected the path of a Kustomize"
                + " directory");
        assertProblem(problems, 14, "targets[0].resources[5].clusterEnv", "clusterEnv applies to exec generators"
                + " only");
        assertProblem(problems, 15, "targets[0].resources[6].clusterEnv", "expected true or false");
        assertProblem(problems, 16, "targets[0].resources[7]", "a renderer entry needs one of exec, kustomize, helm");
        assertProblem(problems, 17, "targets[0].resources[8]", "expected a path or a mapping with one of exec,"
                + " kustomize, helm but found a list");
        assertProblem(problems, 18, "targets[0].resources[9].helm.chart", "missing required field 'chart'");
        assertProblem(problems, 18, "targets[0].resources[9].helm.set.image", "expected a string, number or"
                + " boolean (write nested keys as a.b.c)");
        assertThat(problems).hasSize(11);
    }
}
