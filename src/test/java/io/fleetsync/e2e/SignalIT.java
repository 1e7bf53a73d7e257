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
            // --verbose logs each cluster's phases: once every cluster has entered apply, the run (and its signal
            // handler) is live and each cluster is waiting on its first write — an event, not a guess at timing.
            var process = launch(List.of("apply", "-f", fleet, "-o", "json", "--no-color", "--verbose"), out, err);
            awaitEveryClusterApplying(err.toPath(), process, sim);
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
            // Signalled while every cluster was applying, with each write taking a 1.5 s round trip: the write in
            // flight ends within the grace, every later one is skipped, so each cluster is partly applied — not ok
            // (nothing finished), not failed (it got as far as applying and says what it did not apply).
            for (int i = 0; i < SimulatedFleet.SIZE; i++) {
                assertThat(report.status(sim.name(i))).as(stdout).isEqualTo("partial");
                assertThat(report.changes(sim.name(i))).as(stdout)
                        .anySatisfy(c -> assertThat(c.toString()).contains("not applied: the run was interrupted"));
            }
        }
    }

    /** Waits (bounded) until the verbose log shows every cluster of the fleet entering its apply phase. */
    private static void awaitEveryClusterApplying(Path stderr, Process process, SimulatedFleet sim) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        var names = java.util.stream.IntStream.range(0, SimulatedFleet.SIZE).mapToObj(sim::name).toList();
        while (System.nanoTime() < deadline && process.isAlive()) {
            var log = Files.exists(stderr) ? Files.readString(stderr) : "";
            if (names.stream().allMatch(name -> log.contains("cluster " + name + " entered apply"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not every cluster entered apply within 60 s; stderr:\n" + Files.readString(stderr));
    }

    private static Process launch(List<String> args, File out, File err) throws Exception {
        return new ProcessBuilder(PackagedArtifact.command(args)).redirectOutput(out).redirectError(err).start();
    }
}
