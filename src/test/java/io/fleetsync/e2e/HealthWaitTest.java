package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply --wait} on real API servers. The shared clusters run no controllers, so a status is exactly what the
 * test writes through the status subresource, as a controller would; the progress-deadline case runs the real
 * kube-controller-manager on a fresh cluster without nodes.
 */
@QuarkusMainTest
class HealthWaitTest {
    private final Clusters clusters = ClusterPool.instance().shared(1);
    private Workspace ws;
    private String ns;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        ns = ws.ns("health");
        ws.write("app/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n");
        ws.fleet("""
                  - name: health-%s
                    clusters: {names: [%s]}
                    resources: [app/]
                """.formatted(ws.id, ws.cluster(0).name()));
    }

    @Test
    void aSimulatedRolloutOfTheAppliedGenerationIsCurrent(QuarkusMainLauncher launcher) {
        ws.write("app/web.yaml", deployment("web", "registry.example.com/shop/web:1.4.2", 600));
        var cluster = ws.cluster(0);
        // The controller's part, played by the test: once the apply wrote generation 1, report it rolled out.
        var controller = CompletableFuture.runAsync(() -> rollOut(cluster, "web", 1));

        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "60s", "-o", "json");
        controller.join();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        var web = health(run, "Deployment.apps/" + ns + "/web");
        assertThat(web.get("status").asText()).isEqualTo("Current");
        assertThat(web.get("reason").asText()).isEqualTo("RolloutComplete");
        assertThat(web.get("timedOut").asBoolean()).isFalse();
        assertThat(health(run, "Namespace/" + ns).get("status").asText()).isEqualTo("Current");
        assertThat(cluster(run).get("health").get("end").asText()).isEqualTo("current");
    }

    @Test
    void aStatusWrittenBeforeTheApplyNeverCountsAndTheWaitTimesOut(QuarkusMainLauncher launcher) {
        ws.write("app/web.yaml", deployment("web", "registry.example.com/shop/web:1.4.2", 600));
        var cluster = ws.cluster(0);
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        rollOut(cluster, "web", 1); // generation 1 fully rolled out and available
        ws.write("app/web.yaml", deployment("web", "registry.example.com/shop/web:1.5.0", 600));

        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "3s", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(cluster(run).get("status").asText()).isEqualTo("failed");
        assertThat(cluster(run).get("phase").asText()).isEqualTo("wait");
        assertThat(cluster(run).get("health").get("end").asText()).isEqualTo("timed-out");
        var web = health(run, "Deployment.apps/" + ns + "/web");
        assertThat(web.get("status").asText()).isEqualTo("InProgress");
        assertThat(web.get("reason").asText()).isEqualTo("GenerationNotObserved");
        assertThat(web.get("message").asText()).contains("generation 1", "generation 2");
        assertThat(web.get("timedOut").asBoolean()).isTrue();
        var live = cluster.client().apps().deployments().inNamespace(ns).withName("web").get();
        assertThat(live.getStatus().getReadyReplicas()).as("the old status said every replica is ready").isEqualTo(2);
    }

    @Test
    void waitOnANoOpApplyReadsNothing(QuarkusMainLauncher launcher) {
        ws.write("app/web.yaml", deployment("web", "registry.example.com/shop/web:1.4.2", 600));
        var cluster = ws.cluster(0);
        var controller = CompletableFuture.runAsync(() -> rollOut(cluster, "web", 1));
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "60s").exitCode())
                .isZero();
        controller.join();
        var deployments = Set.of("deployments");
        var get = Set.of("GET");

        long plainStart = System.nanoTime();
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        long plainMs = (System.nanoTime() - plainStart) / 1_000_000;
        long before = ApiRequests.count(cluster, deployments, get);
        long start = System.nanoTime();
        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "60s", "-o", "json");
        long noOpGets = ApiRequests.count(cluster, deployments, get) - before;

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.changeCount()).isZero();
        assertThat(cluster(run).get("health").get("objects")).isEmpty();
        assertThat(noOpGets).as("GETs of the Deployment during a no-op apply --wait").isZero();
        System.out.printf("health-wait: no-op apply --wait took %d ms (without --wait %d ms), %d GETs of "
                + "deployments%n", (System.nanoTime() - start) / 1_000_000, plainMs, noOpGets);

        // Positive control: a real change is waited for, and its GETs are counted where the assertion looked.
        ws.write("app/web.yaml", deployment("web", "registry.example.com/shop/web:1.5.0", 600));
        var rollout = CompletableFuture.runAsync(() -> rollOut(cluster, "web", 2));
        long beforeChange = ApiRequests.count(cluster, deployments, get);
        var changed = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "60s");
        rollout.join();
        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        assertThat(ApiRequests.count(cluster, deployments, get) - beforeChange).as("the wait read the Deployment")
                .isPositive();
        assertThat(changed.out()).contains("health: ", "Current  RolloutComplete");
    }

    @Test
    void aCrdBecomesEstablishedAndACustomResourceFollowsItsFleetFileRule(QuarkusMainLauncher launcher) {
        var group = "h" + ws.id + ".example.com";
        ws.write("app/crd.yaml", Manifests.crdWithStatus(group, "databases", "Database", "engine", "storage"));
        ws.write("app/db.yaml", """
                apiVersion: %s/v1
                kind: Database
                metadata:
                  name: orders
                  namespace: %s
                spec:
                  engine: postgres
                  storage: 20Gi
                """.formatted(group, ns));
        appendToFleet("""
                health:
                  - group: %s
                    kind: Database
                    conditions:
                      - {type: Synced, status: "False", health: Failed}
                      - {type: Available, status: "True", health: Current}
                """.formatted(group));
        var cluster = ws.cluster(0);
        var context = new ResourceDefinitionContext.Builder().withGroup(group).withVersion("v1")
                .withKind("Database").withPlural("databases").withNamespaced(true).build();
        // The operator's part: once the Database exists, mark it Synced, then Available, for its generation.
        var operator = CompletableFuture.runAsync(() -> {
            var db = awaitObject(() -> cluster.client().genericKubernetesResources(context).inNamespace(ns)
                    .withName("orders").get());
            writeStatus(cluster, context, db, List.of(condition("Synced", "True", db)));
            db = cluster.client().genericKubernetesResources(context).inNamespace(ns).withName("orders").get();
            writeStatus(cluster, context, db, List.of(condition("Synced", "True", db),
                    condition("Available", "True", db)));
        });

        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "60s", "-o", "json");
        operator.join();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        var crd = health(run, "CustomResourceDefinition.apiextensions.k8s.io/databases." + group);
        assertThat(crd.get("status").asText()).isEqualTo("Current");
        assertThat(crd.get("reason").asText()).isEqualTo("CrdEstablished");
        var db = health(run, "Database." + group + "/" + ns + "/orders");
        assertThat(db.get("status").asText()).isEqualTo("Current");
        assertThat(db.get("reason").asText()).isEqualTo("RuleMatched");
        assertThat(db.get("message").asText()).contains("Available=True");

        // The rule's Failed matcher: a change the operator reports as not synced fails the cluster.
        ws.write("app/db.yaml", """
                apiVersion: %s/v1
                kind: Database
                metadata:
                  name: orders
                  namespace: %s
                spec:
                  engine: postgres
                  storage: 40Gi
                """.formatted(group, ns));
        var failing = CompletableFuture.runAsync(() -> {
            var changed = awaitObject(() -> {
                var o = cluster.client().genericKubernetesResources(context).inNamespace(ns).withName("orders").get();
                return o != null && o.getMetadata().getGeneration() == 2 ? o : null;
            });
            writeStatus(cluster, context, changed, List.of(Map.of("type", "Synced", "status", "False",
                    "reason", "ResizeRejected", "message", "storage cannot grow past 30Gi",
                    "observedGeneration", 2, "lastTransitionTime", "2026-12-01T22:00:00Z")));
        });
        var failed = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "60s");
        failing.join();
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).contains("Database." + group + "/" + ns + "/orders", "Failed  RuleMatched",
                "Synced=False (ResizeRejected: storage cannot grow past 30Gi)");
    }

    @Test
    void aCustomResourceWithoutARuleWaitsForItsReadyConditionOfTheAppliedGeneration(QuarkusMainLauncher launcher) {
        var group = "r" + ws.id + ".example.com";
        ws.write("app/crd.yaml", Manifests.crdWithStatus(group, "caches", "Cache", "size"));
        var cache = """
                apiVersion: %s/v1
                kind: Cache
                metadata:
                  name: sessions
                  namespace: %s
                spec:
                  size: %s
                """;
        ws.write("app/cache.yaml", cache.formatted(group, ns, "1Gi"));
        var cluster = ws.cluster(0);
        var context = new ResourceDefinitionContext.Builder().withGroup(group).withVersion("v1")
                .withKind("Cache").withPlural("caches").withNamespaced(true).build();
        var first = Run.of(launcher, "apply", "-f", ws.fleetPath());
        assertThat(first.exitCode()).as(first.toString()).isZero();
        var created = cluster.client().genericKubernetesResources(context).inNamespace(ns).withName("sessions").get();
        // Like many operators, it stamps its conditions, not status.observedGeneration.
        writeConditions(cluster, context, created, List.of(ready(created, "serving 1Gi")));

        // The change makes generation 2; the operator's Ready=True is still of generation 1 until it catches up.
        ws.write("app/cache.yaml", cache.formatted(group, ns, "2Gi"));
        var operator = CompletableFuture.runAsync(() -> {
            var changed = awaitObject(() -> {
                var o = cluster.client().genericKubernetesResources(context).inNamespace(ns).withName("sessions")
                        .get();
                return o != null && o.getMetadata().getGeneration() == 2 ? o : null;
            });
            // A slow operator: the wait reads the object after 1 s and 2.5 s, and must not take generation 1's
            // Ready=True for the change (it would end at once, with that condition's message).
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            var now = cluster.client().genericKubernetesResources(context).inNamespace(ns).withName("sessions").get();
            writeConditions(cluster, context, now, List.of(ready(now, "serving 2Gi")));
        });
        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "60s", "-o", "json");
        operator.join();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        var health = health(run, "Cache." + group + "/" + ns + "/sessions");
        assertThat(health.get("status").asText()).isEqualTo("Current");
        assertThat(health.get("reason").asText()).isEqualTo("Ready");
        assertThat(health.get("message").asText()).contains("Ready=True", "serving 2Gi");
    }

    private void writeConditions(RealCluster cluster, ResourceDefinitionContext context, GenericKubernetesResource o,
                                 List<Map<String, Object>> conditions) {
        o.setAdditionalProperty("status", Map.of("conditions", conditions));
        cluster.client().genericKubernetesResources(context).inNamespace(ns).resource(o).updateStatus();
    }

    private static Map<String, Object> ready(GenericKubernetesResource o, String message) {
        return Map.of("type", "Ready", "status", "True", "reason", "Serving", "message", message,
                "observedGeneration", o.getMetadata().getGeneration(), "lastTransitionTime", "2026-12-02T05:00:00Z");
    }

    @Test
    void aBadCelExpressionIsAFleetFileErrorAndNothingIsSent(QuarkusMainLauncher launcher) {
        ws.write("app/cfg.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: " + ns
                + "\ndata:\n  LOG_LEVEL: info\n");
        appendToFleet("""
                health:
                  - group: example.com
                    kind: Cache
                    current: "status.phase == 'Ready' &&"
                """);
        long before = ApiRequests.countAll(ws.cluster(0));

        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait");

        long after = ApiRequests.countAll(ws.cluster(0));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(64);
        assertThat(run.err()).containsPattern("fleet\\.yaml:\\d+").contains("health[0].current",
                "invalid CEL expression");
        assertThat(after - before).as("requests that reached the API server (our own metric scrapes excluded)")
                .isLessThanOrEqualTo(1);
        // Positive control: the same fleet with a valid expression does reach the cluster.
        var fixed = read(ws.fleetPath()).replace("'Ready' &&\"", "'Ready'\"");
        ws.write("fleet.yaml", fixed);
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        assertThat(ApiRequests.countAll(ws.cluster(0)) - after).isGreaterThan(1);
    }

    @Test
    void aDeploymentThatCannotBecomeAvailableEndsFailedAtItsProgressDeadline(QuarkusMainLauncher launcher,
                                                                              @TempDir Path dir) {
        try (var fresh = ClusterPool.instance().fresh(1)) {
            fresh.get(0).startControllerManager();
            var fws = new Workspace(dir, fresh);
            var fns = fws.ns("deadline");
            fws.write("app/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + fns + "\n");
            fws.write("app/web.yaml", deployment("web", "registry.example.com/shop/web:1.4.2", 5, fns));
            fws.fleet("""
                      - name: deadline-%s
                        clusters: {names: [%s]}
                        resources: [app/]
                    """.formatted(fws.id, fws.cluster(0).name()));

            var run = Run.of(launcher, "apply", "-f", fws.fleetPath(), "--wait", "--wait-timeout", "90s");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.out()).contains("Deployment.apps/" + fns + "/web", "Failed  ProgressDeadlineExceeded",
                    "FAILED during wait: unhealthy: Deployment.apps/" + fns + "/web failed");
            var json = Run.of(launcher, "plan", "-f", fws.fleetPath(), "-o", "json");
            assertThat(json.changeCount()).as("plan output is unchanged by health: nothing left to do").isZero();
        }
    }

    // --- helpers

    private String deployment(String name, String image, int progressDeadlineSeconds) {
        return deployment(name, image, progressDeadlineSeconds, ns);
    }

    private static String deployment(String name, String image, int progressDeadlineSeconds, String namespace) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  namespace: NS
                  labels: {app: %s}
                spec:
                  replicas: 2
                  progressDeadlineSeconds: %d
                  selector:
                    matchLabels: {app: %s}
                  template:
                    metadata:
                      labels: {app: %s}
                    spec:
                      containers:
                        - name: web
                          image: %s
                          ports: [{containerPort: 8080}]
                          readinessProbe:
                            httpGet: {path: /healthz, port: 8080}
                """.formatted(name, name, progressDeadlineSeconds, name, name, image).replace("NS", namespace);
    }

    /** Waits for the Deployment's given generation, then writes the status a finished rollout of it has. */
    private void rollOut(RealCluster cluster, String name, long generation) {
        var d = awaitObject(() -> {
            var o = cluster.client().apps().deployments().inNamespace(ns).withName(name).get();
            return o != null && o.getMetadata().getGeneration() == generation ? o : null;
        });
        d.setStatus(new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(2)
                .withUpdatedReplicas(2).withReadyReplicas(2).withAvailableReplicas(2)
                .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus("True")
                                .withReason("MinimumReplicasAvailable").build(),
                        new DeploymentConditionBuilder().withType("Progressing").withStatus("True")
                                .withReason("NewReplicaSetAvailable").build())
                .build());
        cluster.client().apps().deployments().inNamespace(ns).resource(d).updateStatus();
    }

    private static Map<String, Object> condition(String type, String status, GenericKubernetesResource o) {
        return Map.of("type", type, "status", status, "reason", "Reconciled", "message", "",
                "observedGeneration", o.getMetadata().getGeneration(), "lastTransitionTime", "2026-12-01T22:00:00Z");
    }

    private void writeStatus(RealCluster cluster, ResourceDefinitionContext context, GenericKubernetesResource o,
                             List<Map<String, Object>> conditions) {
        o.setAdditionalProperty("status", Map.of("observedGeneration", o.getMetadata().getGeneration(),
                "conditions", conditions));
        cluster.client().genericKubernetesResources(context).inNamespace(ns).resource(o).updateStatus();
    }

    private static <T> T awaitObject(java.util.function.Supplier<T> read) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            T value;
            try {
                value = read.get();
            } catch (RuntimeException e) {
                value = null; // the kind may not be served yet
            }
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("object did not appear within 60s");
    }

    private void appendToFleet(String yaml) {
        ws.write("fleet.yaml", read(ws.fleetPath()) + yaml.stripIndent());
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode cluster(Run run) {
        return run.json().get("clusters").get(0);
    }

    private static JsonNode health(Run run, String subject) {
        var objects = cluster(run).get("health").get("objects");
        return StreamSupport.stream(objects.spliterator(), false)
                .filter(o -> o.get("subject").asText().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no health of " + subject + " in " + run));
    }
}
