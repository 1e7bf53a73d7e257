package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollouts end to end on three workloads clusters (kube-controller-manager, kube-scheduler, kwok nodes: pods really
 * get scheduled and become Ready, docs/testing.md "Workloads"), through the real CLI in-process. The app is shaped like
 * a real one: a Deployment of 3 replicas that mounts its ConfigMap, and a Service in front of it. Which image a
 * cluster runs comes from its fleet-file label {@code tag}: {@code broken} is an image kwok crash-loops, so a
 * Deployment updated to it ends in ProgressDeadlineExceeded while its old pods keep serving.
 *
 * <p>The clusters are started once for the class (workloads clusters are always fresh); every test works in its own
 * namespace.
 */
@QuarkusMainTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolloutTest {
    /** Short enough to fail a broken rollout soon, long enough that a healthy one (pods Ready in ~1 s) never trips it. */
    private static final int BROKEN_DEADLINE_SECONDS = 10;

    private Clusters clusters;
    private Workspace ws;
    private String ns;

    @BeforeAll
    void startClusters() {
        clusters = ClusterPool.instance().freshWithWorkloads(3);
    }

    @AfterAll
    void stopClusters() {
        if (clusters != null) {
            clusters.close();
        }
    }

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        ns = ws.ns("rollout");
    }

    // --- 1. a healthy rollout

    @Test
    void aHealthyRolloutWaitsUntilTheDeploymentIsCurrentAndANoOpRerunDoesNotWait(QuarkusMainLauncher launcher) {
        var cluster = ws.cluster(0);
        app("1", 120);
        fleet(List.of(cluster), List.of("1.27"), "");

        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "2m", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        var health = cluster(run, cluster).get("health");
        assertThat(health.get("end").asText()).isEqualTo("current");
        assertThat(health.get("waitedMs").asLong()).as("the Deployment needed time to roll out").isPositive();
        var web = object(health, "Deployment.apps/" + ns + "/web");
        assertThat(web.get("status").asText()).isEqualTo("Current");
        assertThat(web.get("reason").asText()).isEqualTo("RolloutComplete");
        assertThat(web.get("timedOut").asBoolean()).isFalse();
        assertThat(object(health, "Service/" + ns + "/web").get("status").asText()).isEqualTo("Current");
        assertThat(object(health, "ConfigMap/" + ns + "/web-config").get("status").asText()).isEqualTo("Current");
        // The server agrees: by the time the wait ended, the controllers had rolled all 3 replicas out.
        var live = cluster.client().apps().deployments().inNamespace(ns).withName("web").get();
        assertThat(live.getStatus().getAvailableReplicas()).isEqualTo(3);
        assertThat(live.getStatus().getObservedGeneration()).isEqualTo(live.getMetadata().getGeneration());
        assertThat(image(cluster)).isEqualTo("nginx:1.27");

        // No change: nothing to wait for, and not one GET of the Deployment.
        var deployments = Set.of("deployments");
        var get = Set.of("GET");
        long before = ApiRequests.count(cluster, deployments, get);
        var noOp = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "2m", "-o", "json");
        long noOpGets = ApiRequests.count(cluster, deployments, get) - before;

        assertThat(noOp.exitCode()).as(noOp.toString()).isZero();
        assertThat(noOp.changeCount()).isZero();
        assertThat(cluster(noOp, cluster).get("health").get("objects")).isEmpty();
        assertThat(noOpGets).as("GETs of deployments during a no-op apply --wait").isZero();

        // Positive control, in text: a new release is waited for (its GETs land where the count looks).
        app("2", 120);
        fleet(List.of(cluster), List.of("1.28"), "");
        long beforeChange = ApiRequests.count(cluster, deployments, get);
        var text = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "2m");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(ApiRequests.count(cluster, deployments, get) - beforeChange).as("the wait read the Deployment")
                .isPositive();
        assertThat(text.out()).contains("health: ", "Deployment.apps/" + ns + "/web", "Current  RolloutComplete");
        assertThat(image(cluster)).isEqualTo("nginx:1.28");
    }

    // --- 2. a broken image on the first wave halts the rollout

    @Test
    void aBrokenImageOnTheCanaryHaltsTheRolloutAndTheLaterWavesKeepTheirVersion(QuarkusMainLauncher launcher) {
        var rollout = """
                rollout:
                  waves:
                    - {name: canary, clusters: {names: [%s]}}
                    - {name: rest, clusters: {names: [%s]}}
                """.formatted(ws.cluster(0).name(), ws.cluster(1).name());
        app("1", BROKEN_DEADLINE_SECONDS);
        fleet(ws.all(), List.of("1.27", "1.27", "1.27"), rollout);
        var v1 = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "2m", "-o", "json");
        assertThat(v1.exitCode()).as(v1.toString()).isZero();

        app("2", BROKEN_DEADLINE_SECONDS);
        fleet(ws.all(), List.of("broken", "broken", "broken"), rollout);
        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "60s", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        var waves = waves(run);
        assertThat(waves).extracting(w -> w.get("name").asText()).containsExactly("canary", "rest", "remaining");
        assertThat(waves).extracting(w -> w.get("state").asText()).containsExactly("halted", "held-back", "held-back");
        assertThat(waves.get(0).get("reason").asText()).isEqualTo("budget-exceeded");
        assertThat(waves.get(0).get("haltedBy")).extracting(JsonNode::asText).containsExactly(ws.cluster(0).name());
        var canary = cluster(run, ws.cluster(0));
        assertThat(canary.get("status").asText()).isEqualTo("failed");
        assertThat(canary.get("phase").asText()).isEqualTo("wait");
        assertThat(canary.get("error").asText()).contains("Deployment.apps/" + ns + "/web");
        var web = object(canary.get("health"), "Deployment.apps/" + ns + "/web");
        assertThat(web.get("status").asText()).isEqualTo("Failed");
        assertThat(web.get("reason").asText()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(web.get("timedOut").asBoolean()).as("the progress deadline, not the wait's timeout").isFalse();
        // On the servers: the canary really got the new image; the later waves were never touched.
        assertThat(image(ws.cluster(0))).isEqualTo("nginx:broken");
        assertThat(available(ws.cluster(0))).as("the old pods keep serving on the canary").isEqualTo(3);
        for (var c : List.of(ws.cluster(1), ws.cluster(2))) {
            assertThat(run.status(c.name())).isEqualTo("held-back");
            assertThat(image(c)).as(c.name()).isEqualTo("nginx:1.27");
            assertThat(configRelease(c)).as(c.name()).isEqualTo("1");
        }

        // A rerun without a fix: the canary has nothing left to change, but converged is not healthy. Its wave must
        // not pass the broken version on (before the fix it did: wave rest got nginx:broken).
        var rerun = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "60s", "-o", "json");

        assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(1);
        var again = waves(rerun);
        assertThat(again).extracting(w -> w.get("state").asText()).containsExactly("halted", "held-back", "held-back");
        assertThat(again.get(0).get("reason").asText()).isEqualTo("unhealthy-without-changes");
        assertThat(again.get(0).get("message").asText()).contains("Deployment.apps/" + ns + "/web");
        assertThat(rerun.changeCount()).isZero();
        for (var c : List.of(ws.cluster(1), ws.cluster(2))) {
            assertThat(image(c)).as(c.name()).isEqualTo("nginx:1.27");
        }
    }

    // --- 3. a failure budget of 1

    @Test
    void aFailureBudgetOfOneLetsOneBrokenClusterThroughAndHaltsOnTheSecond(QuarkusMainLauncher launcher) {
        var rollout = """
                rollout:
                  waves:
                    - {name: first-two, clusters: {names: [%s, %s]}, failureBudget: 1}
                """.formatted(ws.cluster(0).name(), ws.cluster(1).name());
        app("1", BROKEN_DEADLINE_SECONDS);
        fleet(ws.all(), List.of("1.27", "1.27", "1.27"), rollout);
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();

        app("2", BROKEN_DEADLINE_SECONDS);
        fleet(ws.all(), List.of("broken", "1.28", "1.28"), rollout);
        var one = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "60s", "-o", "json");

        assertThat(one.exitCode()).as("a failed cluster still fails the run: " + one).isEqualTo(1);
        assertThat(waves(one)).extracting(w -> w.get("state").asText()).containsExactly("passed", "passed");
        assertThat(waves(one).get(0).get("reason").asText()).isEqualTo("within-budget");
        assertThat(one.status(ws.cluster(0).name())).isEqualTo("failed");
        assertThat(object(cluster(one, ws.cluster(0)).get("health"), "Deployment.apps/" + ns + "/web")
                .get("reason").asText()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(one.status(ws.cluster(1).name())).isEqualTo("ok");
        assertThat(one.status(ws.cluster(2).name())).isEqualTo("ok");
        assertThat(image(ws.cluster(2))).as("one failure is within the budget: the last wave ran")
                .isEqualTo("nginx:1.28");

        // Release 3 breaks the second cluster too: two failures in a wave that tolerates one.
        app("3", BROKEN_DEADLINE_SECONDS);
        fleet(ws.all(), List.of("broken", "broken", "1.29"), rollout);
        var two = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "60s");

        assertThat(two.exitCode()).as(two.toString()).isEqualTo(1);
        assertThat(two.out())
                .contains("halted: 2 of 2 cluster(s) failed (" + ws.cluster(0).name() + ", " + ws.cluster(1).name()
                        + "), the failure budget allows 1")
                .contains("Deployment.apps/" + ns + "/web", "Failed  ProgressDeadlineExceeded")
                .contains("HELD BACK by the rollout");
        assertThat(image(ws.cluster(1))).isEqualTo("nginx:broken");
        assertThat(image(ws.cluster(2))).as("held back: still the release before").isEqualTo("nginx:1.28");
        assertThat(configRelease(ws.cluster(2))).isEqualTo("2");
    }

    // --- 4. soak

    @Test
    void theNextWaveStartsOnlyAfterTheSoakAndAClusterThatFailsDuringItHalts(QuarkusMainLauncher launcher) {
        var canary = ws.cluster(0);
        app("1", 120);
        fleet(ws.all(), List.of("1.27", "1.27", "1.27"), soak("6s"));

        var soaked = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "2m", "-o", "json");

        assertThat(soaked.exitCode()).as(soaked.toString()).isZero();
        var waves = waves(soaked);
        assertThat(waves).extracting(w -> w.get("reason").asText()).containsExactly("soaked", "within-budget");
        assertThat(waves.get(0).get("soakChecks").asInt()).isPositive();
        var canaryStart = Instant.parse(waves.get(0).get("startedAt").asText());
        var canaryEnd = Instant.parse(waves.get(0).get("finishedAt").asText());
        long canaryApplyMs = cluster(soaked, canary).get("durationMs").asLong();
        assertThat(Duration.between(canaryStart, canaryEnd).toMillis())
                .as("the canary wave lasted its cluster's apply and wait plus the soak")
                .isGreaterThanOrEqualTo(canaryApplyMs + 6_000);
        assertThat(Instant.parse(waves.get(1).get("startedAt").asText())).isAfterOrEqualTo(canaryEnd);
        // As the servers saw it (creation timestamps have whole seconds): the rest came at least a soak later.
        var canaryCreated = Instant.parse(canary.client().namespaces().withName(ns).get().getMetadata()
                .getCreationTimestamp());
        for (var c : List.of(ws.cluster(1), ws.cluster(2))) {
            var created = Instant.parse(c.client().namespaces().withName(ns).get().getMetadata()
                    .getCreationTimestamp());
            assertThat(Duration.between(canaryCreated, created)).as(c.name())
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(6 - 1));
        }

        // Release 2 is broken and applied without --wait: the canary's apply is fine, then during the 40s soak its
        // Deployment reaches its 10s progress deadline and turns Failed.
        app("2", BROKEN_DEADLINE_SECONDS);
        fleet(ws.all(), List.of("broken", "broken", "broken"), soak("40s"));
        var halted = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(halted.exitCode()).as(halted.toString()).isEqualTo(1);
        var w = waves(halted);
        assertThat(w).extracting(x -> x.get("state").asText()).containsExactly("halted", "held-back");
        assertThat(w.get(0).get("reason").asText()).isEqualTo("unhealthy-during-soak");
        assertThat(w.get(0).get("haltedBy")).extracting(JsonNode::asText).containsExactly(canary.name());
        assertThat(w.get(0).get("message").asText()).contains("Deployment.apps/" + ns + "/web");
        assertThat(halted.status(canary.name())).as("its apply itself went fine").isEqualTo("ok");
        assertThat(Duration.between(Instant.parse(w.get(0).get("startedAt").asText()),
                Instant.parse(w.get(0).get("finishedAt").asText())))
                .as("halted as soon as the soak saw it, not at the soak's end").isLessThan(Duration.ofSeconds(40));
        assertThat(image(canary)).isEqualTo("nginx:broken");
        assertThat(progressing(canary)).isEqualTo("ProgressDeadlineExceeded");
        for (var c : List.of(ws.cluster(1), ws.cluster(2))) {
            assertThat(halted.status(c.name())).isEqualTo("held-back");
            assertThat(image(c)).as(c.name()).isEqualTo("nginx:1.27");
        }
    }

    // --- 5. Jobs

    @Test
    void aJobThatCompletesIsCurrentAndAJobThatFailsFailsTheCluster(QuarkusMainLauncher launcher) {
        var cluster = ws.cluster(0);
        ws.write("app/ns.yaml", namespace());
        ws.write("app/migrate.yaml", job("migrate-v1", "registry.k8s.io/e2e-test-images/agnhost:2.53"));
        fleet(List.of(cluster), List.of("1.27"), "");

        var complete = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "2m", "-o", "json");

        assertThat(complete.exitCode()).as(complete.toString()).isZero();
        var done = object(cluster(complete, cluster).get("health"), "Job.batch/" + ns + "/migrate-v1");
        assertThat(done.get("status").asText()).isEqualTo("Current");
        assertThat(done.get("reason").asText()).isEqualTo("JobComplete");
        assertThat(cluster.client().batch().v1().jobs().inNamespace(ns).withName("migrate-v1").get().getStatus()
                .getSucceeded()).isEqualTo(1);

        ws.write("app/migrate.yaml", job("migrate-v2", "registry.k8s.io/e2e-test-images/agnhost:broken"));
        var failed = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "2m", "-o", "json");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        var c = cluster(failed, cluster);
        assertThat(c.get("status").asText()).isEqualTo("failed");
        assertThat(c.get("phase").asText()).isEqualTo("wait");
        var broken = object(c.get("health"), "Job.batch/" + ns + "/migrate-v2");
        assertThat(broken.get("status").asText()).isEqualTo("Failed");
        assertThat(broken.get("reason").asText()).isEqualTo("JobFailed");
        assertThat(broken.get("timedOut").asBoolean()).isFalse();
    }

    // --- the app and the fleet

    /** Namespace, ConfigMap, Deployment (image from the cluster's label {@code tag}) and Service of one release. */
    private void app(String release, int progressDeadlineSeconds) {
        ws.write("app/ns.yaml", namespace());
        ws.write("app/config.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: web-config
                  namespace: %1$s
                  labels: {app.kubernetes.io/name: web}
                data:
                  release: "%2$s"
                  default.conf: |
                    server {
                      listen 8080;
                      location /healthz { return 200 "release %2$s\\n"; }
                    }
                """.formatted(ns, release));
        ws.write("app/web.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: %1$s
                  labels: {app.kubernetes.io/name: web}
                spec:
                  replicas: 3
                  progressDeadlineSeconds: %3$d
                  revisionHistoryLimit: 3
                  selector:
                    matchLabels: {app.kubernetes.io/name: web}
                  template:
                    metadata:
                      labels: {app.kubernetes.io/name: web}
                    spec:
                      containers:
                        - name: web
                          image: "nginx:${cluster.labels.tag}"
                          ports: [{name: http, containerPort: 8080}]
                          env: [{name: RELEASE, value: "%2$s"}]
                          resources:
                            requests: {cpu: 50m, memory: 64Mi}
                          volumeMounts:
                            - {name: config, mountPath: /etc/nginx/conf.d, readOnly: true}
                      volumes:
                        - name: config
                          configMap: {name: web-config}
                """.formatted(ns, release, progressDeadlineSeconds));
        ws.write("app/service.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: %s
                  labels: {app.kubernetes.io/name: web}
                spec:
                  selector: {app.kubernetes.io/name: web}
                  ports: [{name: http, port: 80, targetPort: http}]
                """.formatted(ns));
    }

    private String namespace() {
        return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns + "\n";
    }

    private String job(String name, String image) {
        return """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  backoffLimit: 0
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: migrate
                          image: %s
                          args: [migrate, --to, latest]
                """.formatted(name, ns, image);
    }

    private String soak(String duration) {
        return """
                rollout:
                  waves:
                    - {name: canary, clusters: {names: [%s]}, soak: %s}
                """.formatted(ws.cluster(0).name(), duration);
    }

    /** A fleet of the given clusters, each with its image tag as label, one target with the app, then {@code tail}. */
    private void fleet(List<RealCluster> members, List<String> tags, String tail) {
        var sb = new StringBuilder("clusters:\n");
        for (int i = 0; i < members.size(); i++) {
            var c = members.get(i);
            sb.append("  - name: ").append(c.name()).append("\n    kubeconfig: kubeconfig\n    context: ")
                    .append(c.name()).append("\n    labels: {tag: \"").append(tags.get(i)).append("\"}\n");
        }
        sb.append("targets:\n  - name: web-").append(ws.id).append("\n    clusters: {names: [")
                .append(String.join(", ", members.stream().map(RealCluster::name).toList()))
                .append("]}\n    resources: [app/]\n").append(tail);
        ws.write("fleet.yaml", sb.toString());
    }

    // --- reading servers and reports

    private String image(RealCluster c) {
        var d = c.client().apps().deployments().inNamespace(ns).withName("web").get();
        return d == null ? null : d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private Integer available(RealCluster c) {
        return c.client().apps().deployments().inNamespace(ns).withName("web").get().getStatus()
                .getAvailableReplicas();
    }

    private String progressing(RealCluster c) {
        return c.client().apps().deployments().inNamespace(ns).withName("web").get().getStatus().getConditions()
                .stream().filter(x -> x.getType().equals("Progressing")).findFirst().orElseThrow().getReason();
    }

    private String configRelease(RealCluster c) {
        return c.client().configMaps().inNamespace(ns).withName("web-config").get().getData().get("release");
    }

    private static JsonNode cluster(Run run, RealCluster c) {
        return StreamSupport.stream(run.json().get("clusters").spliterator(), false)
                .filter(n -> n.get("name").asText().equals(c.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no cluster " + c.name() + " in " + run));
    }

    private static JsonNode object(JsonNode health, String subject) {
        return StreamSupport.stream(health.get("objects").spliterator(), false)
                .filter(o -> o.get("subject").asText().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no health of " + subject + " in " + health));
    }

    private static List<JsonNode> waves(Run run) {
        return StreamSupport.stream(run.json().get("rollout").get("waves").spliterator(), false).toList();
    }
}
