package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waves through the CLI on three real API servers: order, halting on a failure (a ResourceQuota that the API server
 * enforces on one cluster only rejects a new ConfigMap there), the failure budget, a no-op rerun, and plan output.
 */
@QuarkusMainTest
class WavesTest {
    private final Clusters clusters = ClusterPool.instance().shared(3);
    private final List<Watch> watches = new ArrayList<>();
    private Workspace ws;
    private String ns;

    @BeforeEach
    void setUp(@TempDir java.nio.file.Path dir) {
        ws = new Workspace(dir, clusters);
        ns = ws.ns("waves");
        // The namespace is the platform's, not the fleet's: the quota below lives in it before fleetsync runs.
        for (var c : ws.all()) {
            c.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
                    .build()).create();
        }
        version("nginx:1.27", false);
    }

    @AfterEach
    void closeWatches() {
        watches.forEach(Watch::close);
    }

    /** v1: a Deployment and its ConfigMap; v2 changes the image and adds a second ConfigMap. */
    private void version(String image, boolean flags) {
        ws.write("app/web.yaml", Manifests.deployment("web", image));
        ws.write("app/config.yaml", Manifests.configMap("web-config", "${cluster.name}"));
        if (flags) {
            ws.write("app/flags.yaml", Manifests.configMap("web-flags", "on"));
        } else {
            ws.delete("app/flags.yaml");
        }
    }

    private void fleet(String rollout) throws IOException {
        var file = ws.fleet("""
                  - name: web-%s
                    clusters: {labels: {tier: prod}, names: [%s]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, ws.cluster(0).name(), ns));
        Files.writeString(file, rollout.formatted(ws.cluster(0).name(), ws.cluster(1).name(), ws.cluster(2).name()),
                StandardOpenOption.APPEND);
    }

    /**
     * A full ConfigMap quota: the API server refuses every new ConfigMap in the namespace there ("exceeded quota").
     * No quota controller runs on these clusters, so the test writes the usage a controller would have written.
     */
    private void blockNewConfigMaps(RealCluster c) {
        var count = new io.fabric8.kubernetes.api.model.Quantity("1");
        c.client().resourceQuotas().inNamespace(ns).resource(new ResourceQuotaBuilder().withNewMetadata()
                .withName("no-new-configmaps").endMetadata().withNewSpec()
                .withHard(Map.of("count/configmaps", count)).endSpec().build()).create();
        c.client().resourceQuotas().inNamespace(ns).withName("no-new-configmaps").editStatus(q -> {
            q.setStatus(new io.fabric8.kubernetes.api.model.ResourceQuotaStatusBuilder()
                    .withHard(Map.of("count/configmaps", count)).withUsed(Map.of("count/configmaps", count)).build());
            return q;
        });
    }

    private void unblock(RealCluster c) {
        c.client().resourceQuotas().inNamespace(ns).withName("no-new-configmaps").delete();
    }

    private String image(RealCluster c) {
        var d = c.client().apps().deployments().inNamespace(ns).withName("web").get();
        return d == null ? null : d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private boolean hasFlags(RealCluster c) {
        return c.client().configMaps().inNamespace(ns).withName("web-flags").get() != null;
    }

    /** Watch events arrive on their own threads; this waits for them, it does not time anything. */
    private static void awaitEvents(List<?> events, int count) {
        long until = System.nanoTime() + 20_000_000_000L;
        while (events.size() < count && System.nanoTime() < until) {
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static List<JsonNode> waves(Run run) {
        return StreamSupport.stream(run.json().get("rollout").get("waves").spliterator(), false).toList();
    }

    @Test
    void wavesRunInOrderAndANoOpRerunPassesEveryWaveWithoutSoaking(QuarkusMainLauncher launcher) throws IOException {
        fleet("""
                rollout:
                  waves:
                    - {name: canary, clusters: {names: [%1$s]}, soak: 1s}
                    - {name: second, clusters: {names: [%2$s]}, soak: 1s}
                """);
        // Server-side order: the sequence in which each cluster's API server announced the objects it created.
        var seq = new AtomicLong();
        var created = new CopyOnWriteArrayList<String[]>();
        for (var c : ws.all()) {
            watches.add(c.client().configMaps().inNamespace(ns).watch(new Watcher<ConfigMap>() {
                @Override
                public void eventReceived(Action action, ConfigMap cm) {
                    if (action == Action.ADDED) created.add(new String[] {c.name(), Long.toString(seq.incrementAndGet())});
                }

                @Override
                public void onClose(WatcherException cause) {
                }
            }));
        }

        var first = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        var waves = waves(first);
        assertThat(waves).extracting(w -> w.get("name").asText()).containsExactly("canary", "second", "remaining");
        assertThat(waves).extracting(w -> w.get("clusters").get(0).asText())
                .containsExactly(ws.cluster(0).name(), ws.cluster(1).name(), ws.cluster(2).name());
        assertThat(waves).extracting(w -> w.get("state").asText()).containsOnly("passed");
        assertThat(waves).extracting(w -> w.get("reason").asText())
                .containsExactly("soaked", "soaked", "within-budget");
        assertThat(waves.get(0).get("soakChecks").asInt()).as("the changed canary was soaked").isPositive();
        for (int i = 1; i < waves.size(); i++) {
            assertThat(Instant.parse(waves.get(i).get("startedAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(waves.get(i - 1).get("finishedAt").asText()));
        }
        awaitEvents(created, 3);
        assertThat(created).extracting(e -> e[0]).as("ConfigMaps created wave by wave, as the servers saw it")
                .containsExactly(ws.cluster(0).name(), ws.cluster(1).name(), ws.cluster(2).name());
        for (var c : ws.all()) assertThat(image(c)).isEqualTo("nginx:1.27");

        var rerun = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(waves(rerun)).extracting(w -> w.get("reason").asText()).containsOnly("no-changes");
        assertThat(waves(rerun)).extracting(w -> w.get("soakChecks").asInt()).containsOnly(0);
    }

    @Test
    void aWaveWhoseClusterFailsHaltsTheRolloutAndARerunAfterTheFixContinues(QuarkusMainLauncher launcher)
            throws IOException {
        fleet("""
                rollout:
                  waves:
                    - {name: canary, clusters: {names: [%1$s]}}
                    - {name: second, clusters: {names: [%2$s]}}
                """);
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        blockNewConfigMaps(ws.cluster(0));
        version("nginx:1.28", true);

        var halted = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(halted.exitCode()).as(halted.toString()).isEqualTo(1);
        var waves = waves(halted);
        assertThat(waves).extracting(w -> w.get("state").asText()).containsExactly("halted", "held-back", "held-back");
        assertThat(waves.get(0).get("reason").asText()).isEqualTo("budget-exceeded");
        assertThat(waves.get(0).get("haltedBy")).extracting(JsonNode::asText).containsExactly(ws.cluster(0).name());
        assertThat(halted.status(ws.cluster(0).name())).isEqualTo("partial");
        assertThat(halted.change(ws.cluster(0).name(), "ConfigMap/" + ns + "/web-flags").get("outcome").get("error")
                .asText()).contains("quota");
        assertThat(halted.status(ws.cluster(1).name())).isEqualTo("held-back");
        assertThat(halted.status(ws.cluster(2).name())).isEqualTo("held-back");
        assertThat(halted.json().get("summary").get("clusters").get("heldBack").asInt()).isEqualTo(2);
        // The canary really was written (its Deployment moved); the later waves were not touched.
        assertThat(image(ws.cluster(0))).isEqualTo("nginx:1.28");
        for (var c : List.of(ws.cluster(1), ws.cluster(2))) {
            assertThat(image(c)).as(c.name()).isEqualTo("nginx:1.27");
            assertThat(hasFlags(c)).as(c.name()).isFalse();
        }
        var text = Run.of(launcher, "apply", "-f", ws.fleetPath());
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out()).contains("canary: 1 cluster (" + ws.cluster(0).name() + ")")
                .contains("halted: 1 of 1 cluster(s) failed (" + ws.cluster(0).name() + "), the failure budget allows 0")
                .contains("HELD BACK by the rollout: wave second was not started: wave canary halted the rollout");

        unblock(ws.cluster(0));
        var fixed = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
        assertThat(waves(fixed)).extracting(w -> w.get("state").asText()).containsOnly("passed");
        for (var c : ws.all()) {
            assertThat(image(c)).as(c.name()).isEqualTo("nginx:1.28");
            assertThat(hasFlags(c)).as(c.name()).isTrue();
        }
    }

    @Test
    void aClusterThatTurnsUnhealthyDuringTheSoakHaltsTheRollout(QuarkusMainLauncher launcher) throws IOException {
        fleet("""
                rollout:
                  waves:
                    - {name: canary, clusters: {names: [%1$s]}, soak: 6s}
                """);
        // Someone deletes the canary's ConfigMap as soon as fleetsync created it: the soak's re-read finds it gone.
        var canary = ws.cluster(0);
        watches.add(canary.client().configMaps().inNamespace(ns).watch(new Watcher<ConfigMap>() {
            @Override
            public void eventReceived(Action action, ConfigMap cm) {
                if (action == Action.ADDED && cm.getMetadata().getName().equals("web-config")) {
                    canary.client().configMaps().inNamespace(ns).withName("web-config").delete();
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        }));

        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        var waves = waves(run);
        assertThat(waves.get(0).get("reason").asText()).isEqualTo("unhealthy-during-soak");
        assertThat(waves.get(0).get("haltedBy")).extracting(JsonNode::asText).containsExactly(canary.name());
        assertThat(waves.get(0).get("message").asText()).contains("ConfigMap/" + ns + "/web-config is gone");
        assertThat(run.status(canary.name())).as("its apply itself went fine").isEqualTo("ok");
        for (var c : List.of(ws.cluster(1), ws.cluster(2))) {
            assertThat(run.status(c.name())).isEqualTo("held-back");
            assertThat(image(c)).as(c.name()).isNull();
        }
    }

    @Test
    void budgetOneLetsOneFailureThroughAndHaltsOnTheSecond(QuarkusMainLauncher launcher) throws IOException {
        fleet("""
                rollout:
                  waves:
                    - {name: first-two, clusters: {names: [%1$s, %2$s]}, failureBudget: 1}
                """);
        blockNewConfigMaps(ws.cluster(0));

        var one = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(one.exitCode()).as("a failed cluster still fails the run").isEqualTo(1);
        assertThat(waves(one)).extracting(w -> w.get("state").asText()).containsExactly("passed", "passed");
        assertThat(one.status(ws.cluster(0).name())).isEqualTo("partial");
        assertThat(hasFlags(ws.cluster(2))).as("one failure is within the budget: the last wave ran").isFalse();
        assertThat(ws.cluster(2).client().configMaps().inNamespace(ns).withName("web-config").get()).isNotNull();

        version("nginx:1.28", true);
        blockNewConfigMaps(ws.cluster(1));
        var two = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(two.exitCode()).isEqualTo(1);
        var waves = waves(two);
        assertThat(waves).extracting(w -> w.get("state").asText()).containsExactly("halted", "held-back");
        assertThat(waves.get(0).get("haltedBy")).extracting(JsonNode::asText)
                .containsExactly(ws.cluster(0).name(), ws.cluster(1).name());
        assertThat(image(ws.cluster(2))).isEqualTo("nginx:1.27");
        assertThat(hasFlags(ws.cluster(2))).isFalse();
    }

    @Test
    void planListsTheWavesAndWhatWouldChangeInEvery(QuarkusMainLauncher launcher) throws IOException {
        fleet("""
                rollout:
                  waves:
                    - {name: canary, clusters: {names: [%1$s]}, soak: 10m, failureBudget: 0}
                    - {name: half, count: 50%%, maxInFlight: 2}
                """);

        var json = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var text = Run.of(launcher, "plan", "-f", ws.fleetPath());
        var markdown = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "markdown");
        var one = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json", "--cluster", ws.cluster(2).name());

        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(waves(json)).extracting(w -> w.get("name").asText() + " " + w.get("state").asText() + " "
                + w.get("clusters")).containsExactly("canary planned [\"" + ws.cluster(0).name() + "\"]",
                "half planned [\"" + ws.cluster(1).name() + "\"]", "remaining planned [\"" + ws.cluster(2).name() + "\"]");
        assertThat(json.action(ws.cluster(2).name(), "Deployment.apps/" + ns + "/web")).isEqualTo("create");
        for (var c : ws.all()) assertThat(image(c)).as("a plan writes nothing").isNull();
        assertThat(text.out()).contains("Rollout:")
                .contains("canary: 1 cluster (" + ws.cluster(0).name() + "); budget 0, soak 10m")
                .contains("half: 1 cluster (" + ws.cluster(1).name() + "); budget 0, soak none, max 2 in flight")
                .contains("remaining (implicit: clusters no wave selects): 1 cluster (" + ws.cluster(2).name() + ")");
        assertThat(markdown.out()).contains("| # | wave | clusters | gate |").contains("| 1 | canary: 1 cluster");
        assertThat(waves(one)).as("--cluster narrows the waves to that cluster")
                .extracting(w -> w.get("clusters").size()).containsExactly(0, 1);
    }
}
