package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objects being deleted. The shared test clusters run no namespace controller, so a deleted namespace stays
 * Terminating for ever — the stuck case users meet when they revert a change that pruned a namespace.
 */
@QuarkusMainTest
class TerminatingTest {
    private final Clusters clusters = ClusterPool.instance().shared(1);
    private Workspace ws;
    private RealCluster cluster;
    private String ns;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        cluster = ws.cluster(0);
        ns = ws.ns("term");
        ws.write("app/ns.yaml", Manifests.namespace(ns));
        ws.write("app/first.yaml", Manifests.configMap("first", "1"));
        ws.fleet("""
                  - name: app-%1$s
                    clusters: {names: [%2$s]}
                    namespace: %3$s
                    resources: [app/]
                """.formatted(ws.id, cluster.name(), ns));
    }

    @Test
    void aTerminatingNamespaceIsShownAndWritesIntoItFailWithoutBeingSent(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        cluster.client().namespaces().withName(ns).delete();
        assertThat(cluster.client().namespaces().withName(ns).get().getMetadata().getDeletionTimestamp()).isNotNull();
        ws.write("app/second.yaml", Manifests.configMap("second", "2"));

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var text = Run.of(launcher, "plan", "-f", ws.fleetPath());
        var markdown = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "markdown");

        var namespace = plan.change(cluster.name(), "Namespace/" + ns);
        assertThat(namespace.get("action").asText()).as(plan.out()).isEqualTo("create");
        assertThat(namespace.get("heldBack").get("reason").asText()).isEqualTo("terminating");
        for (var name : List.of("first", "second")) {
            var cm = plan.change(cluster.name(), "ConfigMap/" + ns + "/" + name);
            assertThat(cm.get("action").asText()).isEqualTo("create");
            assertThat(cm.get("heldBack").get("reason").asText()).isEqualTo("namespace-terminating");
            assertThat(cm.get("heldBack").get("example").asText()).isEqualTo(ns);
        }
        assertThat(text.out()).contains("+ create Namespace/" + ns + "  blocked: it is being deleted (since ")
                .contains("+ create ConfigMap/" + ns + "/second  blocked: namespace " + ns + " is being deleted");
        assertThat(markdown.out()).contains("create ConfigMap/" + ns + "/second  blocked: namespace " + ns
                + " is being deleted");

        long writesBefore = ApiRequests.mutating(cluster, Set.of("namespaces", "configmaps"));
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");
        long writes = ApiRequests.mutating(cluster, Set.of("namespaces", "configmaps")) - writesBefore;

        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
        assertThat(apply.status(cluster.name())).isEqualTo("partial");
        var outcome = apply.change(cluster.name(), "ConfigMap/" + ns + "/second").get("outcome");
        assertThat(outcome.get("status").asText()).isEqualTo("failed");
        assertThat(outcome.get("error").asText()).contains("namespace " + ns + " is being deleted")
                .contains("--wait-for-deletion");
        assertThat(writes).as("no doomed write sent").isZero();
        ApiRequests.assertSeesAKnownRequest("writes of Namespaces and ConfigMaps",
                () -> ApiRequests.mutating(cluster, Set.of("namespaces", "configmaps")),
                ApiRequests.dryRunCreate(cluster, "default"));
        assertThat(cluster.client().configMaps().inNamespace(ns).withName("second").get()).isNull();
    }

    @Test
    void waitForDeletionWaitsUntilTheNamespaceIsGoneThenCreatesItAgain(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        var oldUid = cluster.client().namespaces().withName(ns).get().getMetadata().getUid();
        cluster.client().namespaces().withName(ns).delete();
        long getsBefore = namespaceGets();
        // Stands in for the namespace controller once apply is waiting (it polls the namespace): empty the
        // namespace, then drop its finalizer so the deletion completes.
        var finisher = CompletableFuture.runAsync(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (namespaceGets() < getsBefore + 5) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("apply never waited for namespace " + ns);
                }
                sleep();
            }
            cluster.client().configMaps().inNamespace(ns).delete();
            cluster.client().raw("/api/v1/namespaces/" + ns + "/finalize", "PUT", new NamespaceBuilder()
                    .withNewMetadata().withName(ns).endMetadata().withNewSpec().withFinalizers(List.of()).endSpec()
                    .build());
        });

        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait-for-deletion", "-o", "json");

        finisher.join();
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.status(cluster.name())).isEqualTo("ok");
        assertThat(apply.change(cluster.name(), "Namespace/" + ns).get("outcome").get("status").asText())
                .isEqualTo("done");
        var recreated = cluster.client().namespaces().withName(ns).get();
        assertThat(recreated.getMetadata().getDeletionTimestamp()).isNull();
        assertThat(recreated.getMetadata().getUid()).as("a new namespace").isNotEqualTo(oldUid);
        assertThat(cluster.client().configMaps().inNamespace(ns).withName("first").get()).isNotNull();
        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode").exitCode()).isZero();
    }

    private long namespaceGets() {
        return ApiRequests.count(cluster, Set.of("namespaces"), Set.of("GET"));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
