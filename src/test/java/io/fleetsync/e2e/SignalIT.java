package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Toxiproxy;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (a CronJob pod evicted) against the packaged application: no new work starts, in-flight requests get a
 * short grace, the report says what was and was not applied, and the exit code is non-zero. It starts the artifact
 * the build produced (the native executable under {@code -Dnative}) as its own process, to send it a real signal.
 */
class SignalIT {

    @Test
    void sigtermStopsNewWorkReportsWhatWasAppliedAndExitsNonZero(@TempDir Path dir) throws Exception {
        var servers = ClusterPool.instance().shared(2);
        try (var toxiproxy = Toxiproxy.start()) {
            var sim = new SimulatedFleet(new Workspace(dir, servers), toxiproxy, servers.all());
            var fleet = sim.write();
            // Every cluster is slow, so the run is surely in flight when the signal comes.
            for (var proxy : sim.proxies) {
                proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 1500);
            }
            var out = dir.resolve("stdout.json").toFile();
            var err = dir.resolve("stderr.txt").toFile();
            // --verbose logs each answered request: the first one means the run (and its signal handler) is live.
            var process = launch(List.of("apply", "-f", fleet, "-o", "json", "--no-color", "--verbose"), out, err);
            awaitFirstAnsweredRequest(err.toPath(), process);
            long signalled = System.nanoTime();
            process.destroy(); // SIGTERM

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits within the grace period").isTrue();
            var stopTook = Duration.ofNanos(System.nanoTime() - signalled);
            var stdout = Files.readString(out.toPath());
            var stderr = Files.readString(err.toPath());
            assertThat(process.exitValue()).as(stderr).isEqualTo(130);
            assertThat(stopTook).isLessThan(Duration.ofSeconds(15));
            assertThat(stderr).contains("SIGTERM received");
            var report = new Run(process.exitValue(), stdout, stderr);
            assertThat(report.json().get("kind").asText()).isEqualTo("Result");
            assertThat(stdout).contains("interrupted");
            // Signalled after the first answer of a run that needs several 3 s round trips per cluster: no cluster
            // can have finished, so none may claim it did.
            for (int i = 0; i < SimulatedFleet.SIZE; i++) {
                assertThat(report.status(sim.name(i))).as(stdout).isIn("partial", "failed");
            }
        }
    }

    /** Waits (bounded) until the verbose log shows an answered request: an event, not a guess at start-up time. */
    private static void awaitFirstAnsweredRequest(Path stderr, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(stderr) && ANSWERED.matcher(Files.readString(stderr)).find()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no request was answered within 60 s; stderr:\n" + Files.readString(stderr));
    }

    private static final java.util.regex.Pattern ANSWERED = java.util.regex.Pattern.compile("GET \\S+ -> \\d{3} in");

    private static Process launch(List<String> args, File out, File err) throws Exception {
        return new ProcessBuilder(PackagedArtifact.command(args)).redirectOutput(out).redirectError(err).start();
    }
}
