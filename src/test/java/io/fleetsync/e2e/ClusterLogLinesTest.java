package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every log line about a cluster names it, including request lines logged on the cluster's side threads. */
@QuarkusMainTest
class ClusterLogLinesTest {
    private final Clusters clusters = ClusterPool.instance().shared(2);

    @Test
    void everyRequestLineOfAVerboseRunNamesItsCluster(QuarkusMainLauncher launcher, @TempDir Path dir) {
        var ws = new Workspace(dir, clusters);
        ws.write("app/ns.yaml", Manifests.namespace(ws.ns("logs")));
        for (int i = 0; i < 4; i++) {
            ws.write("app/cfg-" + i + ".yaml", Manifests.configMap("cfg-" + i, "v"));
        }
        ws.fleet("""
                  - name: logs-%s
                    clusters: {labels: {tier: prod}, names: [%s]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, ws.cluster(0).name(), ws.ns("logs")));

        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-v");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        // In-process the log lands in the captured output; in a real run it is stderr.
        var requestLines = (run.out() + run.err()).lines().filter(l -> l.contains(" -> ")).toList();
        assertThat(requestLines).as(run.toString()).hasSizeGreaterThan(4);
        assertThat(requestLines).allSatisfy(l -> assertThat(l)
                .containsAnyOf(" " + ws.cluster(0).name() + " ", " " + ws.cluster(1).name() + " "));
    }
}
