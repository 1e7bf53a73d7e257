package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target far larger than one burst of the rate cap, on one healthy cluster: waiting for the cap (or for a free
 * in-flight slot) never uses up a request's timeout nor opens the breaker, new objects are found from lists
 * rather than one GET each, and every planned change gets an outcome.
 */
@QuarkusMainTest
class LargeTargetTest {
    private final Clusters clusters = ClusterPool.instance().shared(1);
    private Workspace ws;
    private RealCluster cluster;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        cluster = ws.cluster(0);
    }

    /** {@code count} ConfigMaps shaped like an app's configuration, in one file of {@code folder}. */
    private void configMaps(String folder, String prefix, int count) {
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append("---\n").append("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: %s-%04d
                      labels: {app.kubernetes.io/name: shop, app.kubernetes.io/component: settings}
                    data:
                      LOG_LEVEL: info
                      FEATURE_FLAGS: "checkout-v2,search-suggest"
                      shard: "%d"
                    """.formatted(prefix, i, i));
        }
        ws.write(folder + "/configmaps.yaml", sb.toString());
    }

    private String target(String name, String ns, String folder) {
        return """
                  - name: %s-%s
                    clusters: {names: [%s]}
                    namespace: %s
                    resources: [%s/]
                """.formatted(name, ws.id, cluster.name(), ns, folder);
    }

    private static long gets(RealCluster cluster) {
        return ApiRequests.count(cluster, Set.of("configmaps"), Set.of("GET"));
    }

    @Test
    void eighteenHundredNewConfigMapsApplyAtDefaultSettingsWithoutAGetEach(QuarkusMainLauncher launcher) {
        var big = ws.ns("big");
        var small = ws.ns("small");
        cluster.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata().withName(big).endMetadata().build()).create();
        cluster.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata().withName(small).endMetadata().build()).create();
        configMaps("big", "settings", 1800);
        configMaps("small", "few", 2);
        ws.fleet(target("big", big, "big") + target("small", small, "small"));

        long before = gets(cluster);
        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");
        long getsDuringRun = gets(cluster) - before;

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(created(big, "settings-")).isEqualTo(1800);
        assertThat(created(small, "few-")).isEqualTo(2);
        assertThat(getsDuringRun)
                .as("one GET per ApplySet parent (2), and, as positive control, one per new object of the small "
                        + "namespace (2); none for the 1800 of the big one, found absent from a metadata list")
                .isEqualTo(2 + 2);
        assertCountsAddUp(run, 1802);
    }

    @Test
    void aLowRateCapWaitsInsteadOfTimingOut(QuarkusMainLauncher launcher) {
        var ns = ws.ns("capped");
        cluster.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata().withName(ns).endMetadata().build()).create();
        configMaps("capped", "capped", 120);
        ws.fleet(target("capped", ns, "capped"));

        // 120 writes at 5 per second take 24 s; each attempt may take 2 s. Waiting for the cap counted towards the
        // timeout, the 11th request timed out, and five of those opened the breaker.
        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json",
                "--cluster-qps", "5", "--cluster-burst", "5", "--request-timeout", "2s");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(created(ns, "capped-")).isEqualTo(120);
        assertCountsAddUp(run, 120);
    }

    @Test
    void aClusterStoppedByItsDeadlineMidApplyStillGivesEveryChangeAnOutcome(QuarkusMainLauncher launcher) {
        var ns = ws.ns("late");
        cluster.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata().withName(ns).endMetadata().build()).create();
        configMaps("late", "late", 80);
        ws.fleet(target("late", ns, "late"));

        // 80 writes at 5 per second need 16 s; the cluster has 8.
        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json",
                "--cluster-qps", "5", "--cluster-burst", "5", "--cluster-timeout", "8s");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        var report = run.json().get("clusters").get(0);
        assertThat(report.get("status").asText()).isEqualTo("failed");
        assertThat(report.get("phase").asText()).isEqualTo("apply");
        assertThat(report.get("error").asText()).contains("--cluster-timeout");
        long done = 0;
        long skipped = 0;
        for (var change : run.changes(cluster.name())) {
            var outcome = change.get("outcome");
            assertThat(outcome).as(change.toString()).isNotNull();
            if (outcome.get("status").asText().equals("done")) {
                done++;
            } else {
                assertThat(outcome.get("status").asText()).isIn("skipped", "failed");
                skipped++;
            }
        }
        // A write in flight when the deadline struck may have reached the server without being reported done.
        assertThat(done).as("some were written before the deadline").isPositive()
                .isLessThanOrEqualTo(created(ns, "late-"));
        assertThat(skipped).as("the rest are reported, not lost").isPositive();
        assertCountsAddUp(run, 80);
    }

    @Test
    void objectsThatExistUnownedAmongManyNewOnesAreStillFoundAndOnlyTheyAreFetched(QuarkusMainLauncher launcher) {
        var ns = ws.ns("mixed");
        cluster.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata().withName(ns).endMetadata().build()).create();
        for (var name : java.util.List.of("mixed-0003", "mixed-0007")) {
            cluster.client().configMaps().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                    .withNewMetadata().withName(name).endMetadata().addToData("by", "kubectl").build()).create();
        }
        for (int i = 0; i < 40; i++) {
            cluster.client().configMaps().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                    .withNewMetadata().withName("unrelated-" + i).endMetadata().addToData("big", "x".repeat(4096))
                    .build()).create();
        }
        configMaps("mixed", "mixed", 10);
        ws.fleet(target("mixed", ns, "mixed"));

        long before = gets(cluster);
        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        long getsDuringPlan = gets(cluster) - before;

        assertThat(plan.exitCode()).as(plan.toString()).isIn(0, 2);
        assertThat(plan.action(cluster.name(), "ConfigMap/" + ns + "/mixed-0003")).isEqualTo("adopt-needed");
        assertThat(plan.action(cluster.name(), "ConfigMap/" + ns + "/mixed-0007")).isEqualTo("adopt-needed");
        assertThat(plan.action(cluster.name(), "ConfigMap/" + ns + "/mixed-0000")).isEqualTo("create");
        assertThat(getsDuringPlan).as("the ApplySet parent, and the 2 existing objects' bodies; not the 8 absent")
                .isEqualTo(1 + 2);
    }

    private long created(String ns, String prefix) {
        return cluster.client().configMaps().inNamespace(ns).list().getItems().stream()
                .filter(c -> c.getMetadata().getName().startsWith(prefix)).count();
    }

    /** done + failed + skipped = planned changes, per cluster, in the JSON report. */
    static void assertCountsAddUp(Run run, long expectedChanges) {
        long changes = 0;
        long outcomes = 0;
        for (JsonNode c : run.json().get("clusters")) {
            for (JsonNode ch : c.get("changes")) {
                if (!ch.get("action").asText().equals("unchanged")) {
                    changes++;
                    if (ch.hasNonNull("outcome")) {
                        outcomes++;
                    }
                }
            }
        }
        assertThat(changes).isEqualTo(expectedChanges);
        assertThat(outcomes).as("every planned change has an outcome").isEqualTo(changes);
    }
}
