package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetsync status} on a real API server: a plan plus every owned object's health, read-only. The shared
 * cluster runs no controllers, so a Deployment's status is what the test writes through the status subresource, as
 * the deployment controller would.
 */
@QuarkusMainTest
class StatusTest {
    /** What fleetsync could write here: the fleet's kinds and the ApplySet parent (a ConfigMap). */
    private static final Set<String> WRITABLE = Set.of("namespaces", "configmaps", "deployments");

    private final Clusters clusters = ClusterPool.instance().shared(1);
    private Workspace ws;
    private String ns;
    private RealCluster cluster;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        ns = ws.ns("status");
        cluster = ws.cluster(0);
        ws.write("app/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n");
        ws.write("app/cfg.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: shop-config
                  namespace: %s
                data:
                  LOG_LEVEL: info
                  CHECKOUT_URL: https://checkout.shop.example.com
                """.formatted(ns));
        ws.write("app/web.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: %s
                  labels: {app: web}
                spec:
                  replicas: 2
                  progressDeadlineSeconds: 600
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                        - name: web
                          image: registry.example.com/shop/web:1.4.2
                          ports: [{containerPort: 8080}]
                          envFrom: [{configMapRef: {name: shop-config}}]
                """.formatted(ns));
        ws.fleet("""
                  - name: status-%s
                    clusters: {names: [%s]}
                    resources: [app/]
                """.formatted(ws.id, cluster.name()));
    }

    @Test
    void aConvergedHealthyFleetIsAllCurrentCostsWhatAPlanCostsAndWritesNothing(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        writeDeploymentStatus(rolledOut());

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        assertThat(plan.changeCount()).as(plan.toString()).isZero();
        long planRequests = fewestRequests(() -> Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json"));

        var versions = resourceVersions();
        long writesBefore = ApiRequests.persistedWrites(cluster, WRITABLE);
        var status = Run.of(launcher, "status", "-f", ws.fleetPath(), "-o", "json");
        long statusRequests = fewestRequests(() -> Run.of(launcher, "status", "-f", ws.fleetPath(), "-o", "json"));
        long writes = ApiRequests.persistedWrites(cluster, WRITABLE) - writesBefore;

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.json().get("kind").asText()).isEqualTo("Status");
        assertThat(status.changeCount()).isZero();
        var health = cluster(status).get("health");
        assertThat(health.get("end").asText()).isEqualTo("read");
        assertThat(health.get("objects")).hasSize(3);
        health.get("objects").forEach(o -> assertThat(o.get("status").asText()).as(o.toString()).isEqualTo("Current"));
        assertThat(object(status, "Deployment.apps/" + ns + "/web").get("reason").asText())
                .isEqualTo("RolloutComplete");
        // The health is read from the lists the plan makes: a status sends what a plan sends, no GET per object.
        assertThat(statusRequests).as("requests of status (plan: %d)", planRequests).isLessThanOrEqualTo(planRequests);
        System.out.printf("status-cost: plan %d requests, status %d requests, 3 owned objects%n", planRequests,
                statusRequests);
        assertThat(writes).as("writes that reached storage during status").isZero();
        assertThat(resourceVersions()).isEqualTo(versions);

        // Positive control: a real apply of a change is a persisted write the same count sees, and moves a version.
        ws.write("app/cfg.yaml", read("app/cfg.yaml").replace("LOG_LEVEL: info", "LOG_LEVEL: warn"));
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        assertThat(ApiRequests.persistedWrites(cluster, WRITABLE) - writesBefore).isPositive();
        assertThat(resourceVersions()).isNotEqualTo(versions);
    }

    @Test
    void driftShowsAsThePlanShowsItAndExitsTwo(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        writeDeploymentStatus(rolledOut());
        // Someone edits the live ConfigMap by hand (as kubectl edit would: another field manager, an Update).
        long writesBefore = ApiRequests.persistedWrites(cluster, WRITABLE);
        cluster.client().configMaps().inNamespace(ns).withName("shop-config")
                .edit(cm -> { cm.getData().put("LOG_LEVEL", "debug"); return cm; });
        assertThat(ApiRequests.persistedWrites(cluster, WRITABLE)).as("positive control: the edit is counted")
                .isGreaterThan(writesBefore);
        var versions = resourceVersions();
        long writesAfterEdit = ApiRequests.persistedWrites(cluster, WRITABLE);

        var status = Run.of(launcher, "status", "-f", ws.fleetPath(), "-o", "json");

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(2);
        assertThat(status.action(cluster.name(), "ConfigMap/" + ns + "/shop-config")).isEqualTo("update");
        assertThat(status.changeCount()).isEqualTo(1);
        cluster(status).get("health").get("objects")
                .forEach(o -> assertThat(o.get("status").asText()).isEqualTo("Current"));
        var text = Run.of(launcher, "status", "-f", ws.fleetPath(), "--diff");
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.out()).contains("ConfigMap/" + ns + "/shop-config", "LOG_LEVEL", "health: 3 Current");
        assertThat(ApiRequests.persistedWrites(cluster, WRITABLE)).as("status reverted nothing")
                .isEqualTo(writesAfterEdit);
        assertThat(resourceVersions()).isEqualTo(versions);
        assertThat(cluster.client().configMaps().inNamespace(ns).withName("shop-config").get().getData())
                .containsEntry("LOG_LEVEL", "debug");
    }

    @Test
    void aDeploymentPastItsProgressDeadlineShowsWithItsReasonAndExitsThree(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        // The deployment controller's verdict on generation 1: the new ReplicaSet never became available in time.
        writeDeploymentStatus(new DeploymentStatusBuilder().withObservedGeneration(1L).withReplicas(2)
                .withUpdatedReplicas(2).withReadyReplicas(0).withAvailableReplicas(0).withUnavailableReplicas(2)
                .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus("False")
                                .withReason("MinimumReplicasUnavailable")
                                .withMessage("Deployment does not have minimum availability.").build(),
                        new DeploymentConditionBuilder().withType("Progressing").withStatus("False")
                                .withReason("ProgressDeadlineExceeded")
                                .withMessage("ReplicaSet \"web-7c9d8f\" has timed out progressing.").build())
                .build());

        var status = Run.of(launcher, "status", "-f", ws.fleetPath(), "-o", "json");

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(3);
        assertThat(status.changeCount()).as("no drift: the manifest is what is applied").isZero();
        var web = object(status, "Deployment.apps/" + ns + "/web");
        assertThat(web.get("status").asText()).isEqualTo("Failed");
        assertThat(web.get("reason").asText()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(web.get("message").asText()).contains("has timed out progressing");
        assertThat(object(status, "ConfigMap/" + ns + "/shop-config").get("status").asText()).isEqualTo("Current");
        assertThat(cluster(status).get("status").asText()).as("a read of an unhealthy cluster is not a failed run")
                .isEqualTo("ok");

        var text = Run.of(launcher, "status", "-f", ws.fleetPath());
        assertThat(text.exitCode()).isEqualTo(3);
        assertThat(text.out()).contains("health: 2 Current, 1 Failed",
                "Deployment.apps/" + ns + "/web  Failed  ProgressDeadlineExceeded");
        var md = Run.of(launcher, "status", "-f", ws.fleetPath(), "-o", "markdown");
        assertThat(md.exitCode()).isEqualTo(3);
        assertThat(md.out()).contains("`Deployment.apps/" + ns + "/web`", "ProgressDeadlineExceeded");

        // Positive control for the exit code: once the controller reports the rollout done, status is clean.
        writeDeploymentStatus(rolledOut());
        assertThat(Run.of(launcher, "status", "-f", ws.fleetPath()).exitCode()).isZero();
    }

    // --- helpers

    /**
     * The requests one run of a command sends: the fewer of two runs. The server also counts requests its own
     * controllers make now and then (the count leaves out only leases, endpoints, endpoint slices, events and
     * non-resource paths); one of them in a run's window once made a status look one request dearer than a plan.
     * A GET per object would show in both runs.
     */
    private long fewestRequests(Supplier<Run> command) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long before = ApiRequests.countAll(cluster);
            var run = command.get();
            assertThat(run.exitCode()).as(run.toString()).isZero();
            fewest = Math.min(fewest, ApiRequests.countAll(cluster) - before);
        }
        return fewest;
    }

    private static io.fabric8.kubernetes.api.model.apps.DeploymentStatus rolledOut() {
        return new DeploymentStatusBuilder().withObservedGeneration(1L).withReplicas(2).withUpdatedReplicas(2)
                .withReadyReplicas(2).withAvailableReplicas(2)
                .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus("True")
                                .withReason("MinimumReplicasAvailable").build(),
                        new DeploymentConditionBuilder().withType("Progressing").withStatus("True")
                                .withReason("NewReplicaSetAvailable").build())
                .build();
    }

    private void writeDeploymentStatus(io.fabric8.kubernetes.api.model.apps.DeploymentStatus s) {
        var d = cluster.client().apps().deployments().inNamespace(ns).withName("web").get();
        assertThat(d.getMetadata().getGeneration()).isEqualTo(1L);
        d.setStatus(s);
        cluster.client().apps().deployments().inNamespace(ns).resource(d).updateStatus();
    }

    private Map<String, String> resourceVersions() {
        var c = cluster.client();
        return Map.of("namespace", c.namespaces().withName(ns).get().getMetadata().getResourceVersion(),
                "configmap", c.configMaps().inNamespace(ns).withName("shop-config").get().getMetadata()
                        .getResourceVersion(),
                "deployment", c.apps().deployments().inNamespace(ns).withName("web").get().getMetadata()
                        .getResourceVersion());
    }

    private String read(String file) {
        try {
            return java.nio.file.Files.readString(ws.dir.resolve(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode cluster(Run run) {
        return run.json().get("clusters").get(0);
    }

    private static JsonNode object(Run run, String subject) {
        var objects = cluster(run).get("health").get("objects");
        return StreamSupport.stream(objects.spliterator(), false)
                .filter(o -> o.get("subject").asText().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no health of " + subject + " in " + run));
    }
}
