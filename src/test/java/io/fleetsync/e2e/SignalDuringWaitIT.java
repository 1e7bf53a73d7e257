package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import io.fleetsync.testing.WithRealClusters;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while the packaged CLI waits in {@code apply --wait} (a CronJob pod evicted mid-rollout): the wait ends
 * at once, the report names the object that was still rolling out and says the wait was stopped, exit 130, and the
 * next wave is never touched. Two workloads clusters (pods really scheduled by kube-scheduler, played by kwok), one
 * per wave; the Deployment's image is under {@code example.invalid/}, which kwok never makes Ready, so the canary's
 * wait can only end by the signal, or (the control) by its timeout.
 */
@WithRealClusters(value = 2, workloads = true)
class SignalDuringWaitIT {
    private Workspace ws;
    private String ns;
    private final List<Process> launched = new java.util.ArrayList<>();

    @BeforeEach
    void workspace(Clusters clusters, @TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        ns = ws.ns("sigwait");
        ws.write("app/ns.yaml", Manifests.namespace(ns));
        ws.write("app/web.yaml", Manifests.deployment("web", "example.invalid/web:1.1"));
        ws.fleet("""
                  - name: sigwait-%s
                    clusters: {names: [%2$s, %3$s]}
                    namespace: %4$s
                    resources: [app/]
                rollout:
                  waves:
                    - {name: canary, clusters: {names: [%2$s]}}
                    - {name: rest, clusters: {names: [%3$s]}}
                """.formatted(ws.id, canary().name(), later().name(), ns));
    }

    @Test
    void sigtermDuringTheWaitStopsAtOnceReportsTheWaitedObjectAndTouchesNoLaterWave() throws Exception {
        var out = ws.dir.resolve("stdout.json").toFile();
        var err = ws.dir.resolve("stderr.txt").toFile();
        var process = launch(List.of("apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "10m", "-o", "json",
                "--no-color", "--verbose"), out, err);
        // --verbose logs each cluster's phases and requests: once the wait has read the Deployment (the GET after
        // "entered wait"), the process is waiting on a rollout that cannot finish.
        awaitLines(err.toPath(), process, "cluster " + canary().name() + " entered wait",
                "GET /apis/apps/v1/namespaces/" + ns + "/deployments/web -> 200");
        long signalled = System.nanoTime();
        process.destroy(); // SIGTERM

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits after the signal").isTrue();
        var stopTook = Duration.ofNanos(System.nanoTime() - signalled);
        var run = new Run(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(130);
        assertThat(run.err()).contains("SIGTERM received");
        // The wait saw the stop itself, well before the 10 s grace alarm; the report below comes from the wait (its
        // health read), not from the alarm's journal ("grace period ended"). A HealthWait made to ignore the stop
        // kept the process alive past the 30 s above.
        assertThat(stopTook).as(run.toString()).isLessThan(Duration.ofSeconds(10));
        var report = cluster(run, canary());
        assertThat(report.get("status").asText()).as(run.out()).isEqualTo("partial");
        assertThat(report.get("error").asText()).isEqualTo("stopped while waiting for health");
        var health = report.get("health");
        assertThat(health.get("end").asText()).isEqualTo("stopped");
        var web = object(health, "Deployment.apps/" + ns + "/web");
        assertThat(web.get("status").asText()).as(run.out()).isEqualTo("InProgress");
        assertThat(run.action(canary().name(), "Deployment.apps/" + ns + "/web")).isEqualTo("create");
        assertThat(wave(run, "canary").get("state").asText()).as(run.out()).isEqualTo("halted");
        assertThat(wave(run, "canary").get("reason").asText()).isEqualTo("stopped");
        assertThat(wave(run, "rest").get("state").asText()).isEqualTo("held-back");
        assertThat(run.status(later().name())).isEqualTo("held-back");

        // Applied before the wait: the canary has the Deployment; the later wave was never written to.
        assertThat(deploymentImage(canary())).isEqualTo("example.invalid/web:1.1");
        assertThat(namespaceExists(canary())).as("positive control of the check below").isTrue();
        assertThat(namespaceExists(later())).as("the later wave is untouched").isFalse();
    }

    /** The control: the same run left alone waits until its timeout, says so, and fails. */
    @Test
    void withoutTheSignalTheSameRunWaitsUntilItsTimeout() throws Exception {
        var out = ws.dir.resolve("stdout.json").toFile();
        var err = ws.dir.resolve("stderr.txt").toFile();
        long started = System.nanoTime();
        var process = launch(List.of("apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "8s", "-o", "json",
                "--no-color"), out, err);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("ends by itself").isTrue();
        var took = Duration.ofNanos(System.nanoTime() - started);
        var run = new Run(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(8));
        var report = cluster(run, canary());
        assertThat(report.get("status").asText()).isEqualTo("failed");
        assertThat(report.get("error").asText()).startsWith("wait timed out: Deployment.apps/" + ns + "/web");
        assertThat(report.get("health").get("end").asText()).isEqualTo("timed-out");
        assertThat(object(report.get("health"), "Deployment.apps/" + ns + "/web").get("timedOut").asBoolean())
                .isTrue();
        assertThat(namespaceExists(later())).isFalse();
    }

    private RealCluster canary() {
        return ws.cluster(0);
    }

    private RealCluster later() {
        return ws.cluster(1);
    }

    private boolean namespaceExists(RealCluster cluster) {
        return cluster.client().namespaces().withName(ns).get() != null;
    }

    private String deploymentImage(RealCluster cluster) {
        return cluster.client().apps().deployments().inNamespace(ns).withName("web").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private static JsonNode cluster(Run run, RealCluster cluster) {
        return StreamSupport.stream(run.json().get("clusters").spliterator(), false)
                .filter(c -> c.get("name").asText().equals(cluster.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no cluster " + cluster.name() + " in " + run));
    }

    private static JsonNode object(JsonNode health, String subject) {
        return StreamSupport.stream(health.get("objects").spliterator(), false)
                .filter(o -> o.get("subject").asText().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no health of " + subject + " in " + health));
    }

    private static JsonNode wave(Run run, String name) {
        return StreamSupport.stream(run.json().get("rollout").get("waves").spliterator(), false)
                .filter(w -> w.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no wave " + name + " in " + run));
    }

    /** Waits (bounded) until the process's stderr holds {@code first} and then {@code then}: the event acted on. */
    private static void awaitLines(Path stderr, Process process, String first, String then) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && process.isAlive()) {
            var log = Files.exists(stderr) ? Files.readString(stderr) : "";
            int at = log.indexOf(first);
            if (at >= 0 && log.indexOf(then, at) >= 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no \"" + first + "\" then \"" + then + "\" within 90 s; stderr:\n"
                + Files.readString(stderr));
    }

    private Process launch(List<String> args, File out, File err) throws Exception {
        var process = new ProcessBuilder(PackagedArtifact.command(args)).redirectOutput(out).redirectError(err).start();
        launched.add(process);
        return process;
    }

    /** A process a failed assertion left running must not outlive the test (nor keep its clusters busy). */
    @AfterEach
    void killLeftovers() {
        launched.forEach(Process::destroyForcibly);
        launched.clear();
    }
}
