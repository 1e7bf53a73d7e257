package io.fleetsync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The workloads flavour on a real API server: controllers, scheduler and kwok really roll workloads out, and the
 * documented image patterns really fail. These are raw status fields that fleetsync's health model relies on.
 */
@WithRealClusters(workloads = true)
class WorkloadsTest {

    private static final long TIMEOUT_SECONDS = 60;

    @ParameterizedTest(name = "{0} ends in ProgressDeadlineExceeded, pods waiting in {1}")
    @CsvSource({"example.invalid/web:1.1, ImagePullBackOff", "nginx:broken, CrashLoopBackOff"})
    void deploymentRollsOutThenABrokenImageExceedsItsProgressDeadline(String brokenImage, String waitingReason,
                                                                       RealCluster cluster) {
        var ns = cluster.createUniqueNamespace("rollout");
        var deployments = cluster.client().apps().deployments().inNamespace(ns);
        cluster.client().resource(load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels: {app.kubernetes.io/name: web}
                spec:
                  replicas: 3
                  progressDeadlineSeconds: 10
                  selector:
                    matchLabels: {app.kubernetes.io/name: web}
                  template:
                    metadata:
                      labels: {app.kubernetes.io/name: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                        ports: [{containerPort: 80}]
                        readinessProbe:
                          httpGet: {path: /, port: 80}
                        resources:
                          requests: {cpu: 50m, memory: 64Mi}
                """)).inNamespace(ns).create();

        var rolledOut = deployments.withName("web").waitUntilCondition(d -> d != null
                && d.getStatus() != null
                && d.getMetadata().getGeneration().equals(d.getStatus().getObservedGeneration())
                && Integer.valueOf(3).equals(d.getStatus().getUpdatedReplicas())
                && Integer.valueOf(3).equals(d.getStatus().getAvailableReplicas())
                && condition(d, "Available").map(c -> "True".equals(c.getStatus())).orElse(false),
                TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(rolledOut.getStatus().getReadyReplicas()).isEqualTo(3);
        assertThat(condition(rolledOut, "Progressing")).get()
                .satisfies(c -> assertThat(c.getReason()).isEqualTo("NewReplicaSetAvailable"));
        var pods = cluster.client().pods().inNamespace(ns).list().getItems();
        assertThat(pods).hasSize(3).allSatisfy(pod -> {
            assertThat(pod.getSpec().getNodeName()).startsWith(Workloads.NODE_PREFIX);
            assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
            assertThat(podCondition(pod, "Ready")).isEqualTo("True");
        });

        kubectl(cluster, "-n", ns, "set", "image", "deployment/web", "web=" + brokenImage);

        var stalled = deployments.withName("web").waitUntilCondition(d -> condition(d, "Progressing")
                .map(c -> "False".equals(c.getStatus())).orElse(false), TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(condition(stalled, "Progressing")).get()
                .satisfies(c -> assertThat(c.getReason()).isEqualTo("ProgressDeadlineExceeded"));
        assertThat(stalled.getStatus().getObservedGeneration()).isEqualTo(stalled.getMetadata().getGeneration());
        // maxSurge 25% of 3 rounds up to one new pod, maxUnavailable rounds down to none: the old pods stay.
        assertThat(stalled.getStatus().getUpdatedReplicas()).isEqualTo(1);
        assertThat(stalled.getStatus().getAvailableReplicas()).isEqualTo(3);
        assertThat(condition(stalled, "Available").map(DeploymentCondition::getStatus)).contains("True");
        var replicaSets = cluster.client().apps().replicaSets().inNamespace(ns).list().getItems();
        assertThat(replicaSets).hasSize(2);
        var old = replicaSetWithImage(replicaSets, "nginx:1.27");
        var broken = replicaSetWithImage(replicaSets, brokenImage);
        assertThat(old.getStatus().getAvailableReplicas()).isEqualTo(3);
        assertThat(broken.getStatus().getReplicas()).isEqualTo(1);
        assertThat(broken.getStatus().getReadyReplicas()).isIn(null, 0);
        var brokenPod = cluster.client().pods().inNamespace(ns).list().getItems().stream()
                .filter(p -> p.getSpec().getContainers().getFirst().getImage().equals(brokenImage))
                .findFirst().orElseThrow();
        assertThat(podCondition(brokenPod, "Ready")).isEqualTo("False");
        assertThat(brokenPod.getStatus().getContainerStatuses().getFirst().getState().getWaiting().getReason())
                .isEqualTo(waitingReason);
    }

    @Test
    void theReadyDelayAnnotationHoldsAPodBackWhileOthersBecomeReady(RealCluster cluster) {
        var ns = cluster.createUniqueNamespace("delay");
        cluster.client().resource(deployment("slow", "\"1h\"")).inNamespace(ns).create();
        cluster.client().resource(deployment("quick", "\"0s\"")).inNamespace(ns).create();

        // The control: created after the slow one, on the same nodes, it becomes available.
        cluster.client().apps().deployments().inNamespace(ns).withName("quick").waitUntilCondition(d -> d != null
                && d.getStatus() != null && Integer.valueOf(1).equals(d.getStatus().getAvailableReplicas()),
                TIMEOUT_SECONDS, TimeUnit.SECONDS);

        var slow = cluster.client().apps().deployments().inNamespace(ns).withName("slow").get();
        assertThat(slow.getStatus().getAvailableReplicas()).isIn(null, 0);
        var slowPod = cluster.client().pods().inNamespace(ns).withLabel("app.kubernetes.io/name", "slow").list()
                .getItems().getFirst();
        assertThat(slowPod.getSpec().getNodeName()).startsWith(Workloads.NODE_PREFIX);
        assertThat(slowPod.getStatus().getPhase()).isEqualTo("Pending");
    }

    private static HasMetadata deployment(String name, String readyDelay) {
        return load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app.kubernetes.io/name: %1$s}
                  template:
                    metadata:
                      labels: {app.kubernetes.io/name: %1$s}
                      annotations: {pod-ready.stage.kwok.x-k8s.io/delay: %2$s}
                    spec:
                      containers:
                      - name: api
                        image: ghcr.io/example/api:2.4.0
                """.formatted(name, readyDelay));
    }

    @Test
    void jobCompletes(RealCluster cluster) {
        var ns = cluster.createUniqueNamespace("job");
        cluster.client().resource(job("migrate", "busybox:1.36")).inNamespace(ns).create();

        var done = awaitJobCondition(cluster, ns, "migrate");

        assertThat(jobCondition(done, "Complete")).contains("True");
        assertThat(jobCondition(done, "Failed")).isEmpty();
        assertThat(done.getStatus().getSucceeded()).isEqualTo(1);
        assertThat(done.getStatus().getCompletionTime()).isNotNull();
    }

    @Test
    void jobWithABrokenImageFails(RealCluster cluster) {
        var ns = cluster.createUniqueNamespace("job");
        cluster.client().resource(job("migrate", "busybox:broken")).inNamespace(ns).create();

        var done = awaitJobCondition(cluster, ns, "migrate");

        assertThat(jobCondition(done, "Failed")).contains("True");
        assertThat(done.getStatus().getConditions()).filteredOn(c -> c.getType().equals("Failed"))
                .extracting(JobCondition::getReason).containsExactly("BackoffLimitExceeded");
        assertThat(jobCondition(done, "Complete")).isEmpty();
        assertThat(done.getStatus().getFailed()).isEqualTo(1);
        var pod = cluster.client().pods().inNamespace(ns).list().getItems().getFirst();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
        assertThat(pod.getStatus().getContainerStatuses().getFirst().getState().getTerminated().getExitCode())
                .isEqualTo(1);
    }

    @Test
    void statefulSetRollsOutAndUpdates(RealCluster cluster) {
        var ns = cluster.createUniqueNamespace("sts");
        cluster.client().resource(load("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: db
                spec:
                  clusterIP: None
                  selector: {app.kubernetes.io/name: db}
                  ports: [{name: pg, port: 5432}]
                """)).inNamespace(ns).create();
        cluster.client().resource(load("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  serviceName: db
                  replicas: 3
                  selector:
                    matchLabels: {app.kubernetes.io/name: db}
                  template:
                    metadata:
                      labels: {app.kubernetes.io/name: db}
                    spec:
                      containers:
                      - name: postgres
                        image: postgres:17
                        ports: [{name: pg, containerPort: 5432}]
                """)).inNamespace(ns).create();
        var statefulSets = cluster.client().apps().statefulSets().inNamespace(ns).withName("db");

        var first = statefulSets.waitUntilCondition(s -> s != null && s.getStatus() != null
                && s.getMetadata().getGeneration().equals(s.getStatus().getObservedGeneration())
                && Integer.valueOf(3).equals(s.getStatus().getReadyReplicas())
                && Integer.valueOf(3).equals(s.getStatus().getUpdatedReplicas())
                && s.getStatus().getUpdateRevision().equals(s.getStatus().getCurrentRevision()),
                TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(first.getStatus().getAvailableReplicas()).isEqualTo(3);

        kubectl(cluster, "-n", ns, "set", "image", "statefulset/db", "postgres=postgres:17.2");

        var updated = statefulSets.waitUntilCondition(s -> s.getStatus().getObservedGeneration() == 2
                && Integer.valueOf(3).equals(s.getStatus().getReadyReplicas())
                && Integer.valueOf(3).equals(s.getStatus().getUpdatedReplicas())
                && s.getStatus().getUpdateRevision().equals(s.getStatus().getCurrentRevision()),
                TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(updated.getStatus().getCurrentRevision()).isNotEqualTo(first.getStatus().getCurrentRevision());
        assertThat(cluster.client().pods().inNamespace(ns).list().getItems())
                .extracting(p -> p.getSpec().getContainers().getFirst().getImage())
                .containsOnly("postgres:17.2").hasSize(3);
    }

    @Test
    void daemonSetRunsOnePodPerNode(RealCluster cluster) {
        var ns = cluster.createUniqueNamespace("ds");
        cluster.client().resource(load("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: node-exporter
                spec:
                  selector:
                    matchLabels: {app.kubernetes.io/name: node-exporter}
                  template:
                    metadata:
                      labels: {app.kubernetes.io/name: node-exporter}
                    spec:
                      hostNetwork: true
                      containers:
                      - name: node-exporter
                        image: quay.io/prometheus/node-exporter:v1.8.2
                        ports: [{name: metrics, containerPort: 9100}]
                """)).inNamespace(ns).create();

        var ready = cluster.client().apps().daemonSets().inNamespace(ns).withName("node-exporter")
                .waitUntilCondition(d -> d != null && d.getStatus() != null
                        && d.getMetadata().getGeneration().equals(d.getStatus().getObservedGeneration())
                        && d.getStatus().getDesiredNumberScheduled() == Workloads.NODES
                        && Integer.valueOf(Workloads.NODES).equals(d.getStatus().getNumberReady())
                        && Integer.valueOf(Workloads.NODES).equals(d.getStatus().getUpdatedNumberScheduled())
                        && Integer.valueOf(Workloads.NODES).equals(d.getStatus().getNumberAvailable()),
                        TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(ready.getStatus().getNumberUnavailable()).isIn(null, 0);
        assertThat(cluster.client().pods().inNamespace(ns).list().getItems())
                .extracting(p -> p.getSpec().getNodeName())
                .containsExactlyInAnyOrder(Workloads.NODE_PREFIX + 1, Workloads.NODE_PREFIX + 2);
    }

    private static HasMetadata job(String name, String image) {
        return load("""
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: %s
                spec:
                  backoffLimit: 0
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                      - name: migrate
                        image: %s
                        command: [sh, -c, "echo migrating && sleep 1"]
                """.formatted(name, image));
    }

    private static Job awaitJobCondition(RealCluster cluster, String ns, String name) {
        return cluster.client().batch().v1().jobs().inNamespace(ns).withName(name)
                .waitUntilCondition(j -> j != null && j.getStatus() != null && j.getStatus().getConditions() != null
                        && j.getStatus().getConditions().stream().anyMatch(c -> "True".equals(c.getStatus())
                                && (c.getType().equals("Complete") || c.getType().equals("Failed"))),
                        TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static Optional<String> jobCondition(Job job, String type) {
        return job.getStatus().getConditions().stream().filter(c -> c.getType().equals(type))
                .map(JobCondition::getStatus).findFirst();
    }

    private static Optional<DeploymentCondition> condition(Deployment deployment, String type) {
        if (deployment == null || deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return deployment.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst();
    }

    private static String podCondition(Pod pod, String type) {
        return pod.getStatus().getConditions().stream().filter(c -> c.getType().equals(type))
                .map(io.fabric8.kubernetes.api.model.PodCondition::getStatus).findFirst().orElse(null);
    }

    private static ReplicaSet replicaSetWithImage(List<ReplicaSet> replicaSets, String image) {
        return replicaSets.stream()
                .filter(rs -> rs.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage().equals(image))
                .findFirst().orElseThrow(() -> new AssertionError("no ReplicaSet with image " + image));
    }

    private static HasMetadata load(String yaml) {
        return new io.fabric8.kubernetes.client.utils.KubernetesSerialization().unmarshal(yaml);
    }

    private static void kubectl(RealCluster cluster, String... args) {
        var command = new ArrayList<>(List.of(KubeBinaries.fromEnvironment().binary("kubectl").toString(),
                "--kubeconfig", cluster.kubeconfigFile().toString()));
        command.addAll(List.of(args));
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("kubectl %s: %s", String.join(" ", args), output).isZero();
        } catch (IOException e) {
            throw new AssertionError("cannot run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
