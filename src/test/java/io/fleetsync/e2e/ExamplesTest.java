package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.testing.ClusterAccess;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Kubeconfig;
import io.fleetsync.testing.TestFiles;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled examples/ fleet — what README's first command runs — converges on three fresh real clusters. */
@QuarkusMainTest
class ExamplesTest {

    @Test
    void theExampleFleetConvergesAndASecondPlanHasNoChanges(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws IOException {
        try (var clusters = ClusterPool.instance().fresh(3)) {
            var copy = dir.resolve("examples");
            TestFiles.copyTree(Path.of("examples"), copy);
            var access = new ArrayList<ClusterAccess>();
            for (int i = 0; i < 3; i++) {
                var a = clusters.get(i).access();
                access.add(new ClusterAccess("local-" + (i + 1), a.apiUrl(), a.caCertData(), a.clientCertData(),
                        a.clientKeyData()));
            }
            Kubeconfig.write(dir.resolve(".fleetsync/local/kubeconfig"), access);
            var fleet = copy.resolve("fleet.yaml").toString();

            var plan = Run.of(launcher, "plan", "-f", fleet, "--detailed-exitcode");
            var apply = Run.of(launcher, "apply", "-f", fleet, "-o", "json");
            var again = Run.of(launcher, "plan", "-f", fleet, "--detailed-exitcode");

            assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
            assertThat(apply.exitCode()).as(apply.toString()).isZero();
            assertThat(apply.action("local-2", "Widget.demo.fleetsync.io/demo/first-widget")).isEqualTo("create");
            assertThat(apply.changes("local-1")).noneMatch(c -> c.get("kind").asText().equals("Widget"));
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("0 create, 0 update");
        }
    }
}
