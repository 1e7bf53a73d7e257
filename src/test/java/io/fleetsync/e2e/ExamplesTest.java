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

/**
 * The bundled examples/ fleet — what README's first command and scripts/demo run — validates, and converges on
 * three fresh real clusters, its Helm chart and Kustomize overlays included (helm and kustomize from
 * {@code FLEETSYNC_HELM} / {@code FLEETSYNC_KUSTOMIZE}, which scripts/test exports, or PATH).
 */
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

            var validate = Run.of(launcher, "validate", "-f", fleet);
            var plan = Run.of(launcher, "plan", "-f", fleet, "--detailed-exitcode");
            var apply = Run.of(launcher, "apply", "-f", fleet, "-o", "json");
            var again = Run.of(launcher, "plan", "-f", fleet, "--detailed-exitcode");

            assertThat(validate.exitCode()).as(validate.toString()).isZero();
            assertThat(validate.out()).contains("greeter: helm:charts/greeter: 12 objects on 3 clusters (3 Helm hook"
                    + " objects skipped)").contains("echo: kustomize:kustomize/overlays/prod: 6 objects on 2 clusters");
            assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
            assertThat(plan.out()).contains("Pod/demo/greeter-test (target greeter, helm.sh/hook: test): skipped");
            assertThat(apply.exitCode()).as(apply.toString()).isZero();
            assertThat(apply.action("local-2", "Widget.demo.fleetsync.io/demo/first-widget")).isEqualTo("create");
            assertThat(apply.changes("local-1")).noneMatch(c -> c.get("kind").asText().equals("Widget"));
            assertThat(apply.action("local-1", "Greeting.demo.fleetsync.io/demo/greeter")).isEqualTo("create");
            assertThat(apply.action("local-3", "Deployment.apps/demo/echo")).isEqualTo("create");
            var prod = clusters.get(2).client();
            assertThat(prod.configMaps().inNamespace("demo").withName("greeter-settings").get().getData())
                    .containsEntry("greeting", "hello from local-3 (prod, us)").containsEntry("region", "us");
            assertThat(prod.apps().deployments().inNamespace("demo").withName("echo").get().getSpec().getReplicas())
                    .isEqualTo(3);
            assertThat(clusters.get(0).client().apps().deployments().inNamespace("demo").withName("echo").get()
                    .getSpec().getReplicas()).isEqualTo(1);
            assertThat(prod.pods().inNamespace("demo").withName("greeter-test").get()).as("hooks are not applied")
                    .isNull();
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("0 create, 0 update");
        }
    }
}
