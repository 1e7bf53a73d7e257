package io.fleetsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.apply.ApplyOptions;
import io.fleetsync.apply.ClusterJournal;
import io.fleetsync.cluster.ClientSettings;
import io.fleetsync.cluster.Stopping;
import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.Connection;
import io.fleetsync.manifest.ClusterState;
import io.fleetsync.manifest.DesiredFleet;
import io.fleetsync.plan.ClusterPhase;
import io.fleetsync.plan.ClusterPlan;
import io.fleetsync.plan.PlanOptions;
import io.fleetsync.report.ClusterReport;
import io.fleetsync.report.ProgressListener;
import io.fleetsync.report.RunReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runner's decisions — deadline, stop, grace, isolation, the bound on clusters in flight — from fake cluster work
 * and alarms the test fires itself: nothing here waits for a clock, and no API server is involved.
 */
class FleetRunnerTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final java.util.concurrent.ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final FleetRunner runner = new FleetRunner(executor, null);
    private final ManualAlarms alarms = new ManualAlarms();
    private final StopRequest stop = new StopRequest();
    private final Events events = new Events();

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    /** Alarms that fire only when the test says so. */
    static final class ManualAlarms implements Alarms {
        record Alarm(Duration delay, Runnable action) {
        }

        final BlockingQueue<Alarm> armed = new LinkedBlockingQueue<>();

        @Override
        public void after(Duration delay, Runnable action) {
            armed.add(new Alarm(delay, action));
        }

        /** The next alarm armed (waits for it: an event, bounded so a broken runner fails instead of hanging). */
        Alarm next() throws InterruptedException {
            var alarm = armed.poll(10, TimeUnit.SECONDS);
            assertThat(alarm).as("an alarm was armed").isNotNull();
            return alarm;
        }
    }

    /** What the runner told the progress listener, in order. */
    static final class Events implements ProgressListener {
        final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void clusterStarted(String cluster) {
            seen.add("started " + cluster);
        }

        @Override
        public void clusterPhase(String cluster, ClusterPhase phase) {
            seen.add(cluster + " " + phase.label());
        }

        @Override
        public void clusterFinished(ClusterReport report) {
            seen.add("finished " + report.cluster() + " " + report.status());
        }
    }

    private static ClusterState cluster(String name) {
        return new ClusterState(new Cluster(name, Map.of(),
                new Connection.Kubeconfig(Path.of("kubeconfig"), name, false)), List.of());
    }

    private static DesiredFleet fleet(String... names) {
        return new DesiredFleet(null, java.util.Arrays.stream(names).map(FleetRunnerTest::cluster).toList());
    }

    private static RunOptions options(int concurrency) {
        return new RunOptions(true, PlanOptions.defaults(), ApplyOptions.defaults(), ClientSettings.defaults(),
                concurrency, TIMEOUT);
    }

    private static ClusterReport ok(ClusterState state) {
        var name = state.cluster().name();
        return new ClusterReport(name, ClusterReport.Status.OK, new ClusterPlan(name, List.of(), List.of()),
                List.of(), null, null, Duration.ofMillis(1));
    }

    private CompletableFuture<RunReport> start(DesiredFleet fleet, int concurrency, ClusterWorkload work) {
        return CompletableFuture.supplyAsync(() -> runner.run(fleet, options(concurrency), work, events,
                new FleetRunner.Stop(stop, GRACE), alarms), executor);
    }

    private static ClusterReport report(RunReport run, String cluster) {
        return run.clusters().stream().filter(c -> c.cluster().equals(cluster)).findFirst().orElseThrow();
    }

    /** Work that lists, then hangs until interrupted, as a black-holed request does. */
    private static final class Hanging implements ClusterWorkload {
        final Set<String> interrupted = ConcurrentHashMap.newKeySet();
        final CountDownLatch listing = new CountDownLatch(1);

        @Override
        public ClusterReport run(ClusterState state, ClusterJournal journal, Stopping stopping) {
            journal.enter(ClusterPhase.LIST);
            listing.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.add(state.cluster().name());
            }
            return ok(state); // too late: the deadline already made the report
        }
    }

    @Test
    void aClusterPastItsDeadlineIsInterruptedAndReportedWhereItWasWhileTheOthersFinish() throws Exception {
        var hanging = new Hanging();
        ClusterWorkload work = (state, journal, stopping) -> state.cluster().name().equals("slow")
                ? hanging.run(state, journal, stopping) : ok(state);

        var run = start(fleet("slow", "fast"), 4, work);
        hanging.listing.await(10, TimeUnit.SECONDS);
        var deadlines = List.of(alarms.next(), alarms.next());
        assertThat(deadlines).extracting(ManualAlarms.Alarm::delay).containsOnly(TIMEOUT);
        // Positive control: the run is held by the slow cluster until its deadline fires.
        assertThat(run).isNotDone();
        deadlines.forEach(a -> a.action().run());
        var report = run.get(10, TimeUnit.SECONDS);

        var slow = report(report, "slow");
        assertThat(slow.status()).isEqualTo(ClusterReport.Status.FAILED);
        assertThat(slow.error()).isEqualTo("did not finish within 5m (--cluster-timeout)");
        assertThat(slow.phase()).isEqualTo(ClusterPhase.LIST);
        assertThat(report(report, "fast").status()).isEqualTo(ClusterReport.Status.OK);
        assertThat(report.clusters()).extracting(ClusterReport::cluster).containsExactly("slow", "fast");
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(hanging.interrupted).containsExactly("slow");
        // The deadline of the cluster that finished fired into nothing: it stays ok, reported once.
        assertThat(events.seen).filteredOn(e -> e.startsWith("finished"))
                .containsExactlyInAnyOrder("finished slow FAILED", "finished fast OK");
    }

    @Test
    void aStopStartsTheGracePeriodOfRunningClustersAndClustersWaitingForASlotNeverStart() throws Exception {
        var hanging = new Hanging();
        var called = ConcurrentHashMap.<String>newKeySet();
        ClusterWorkload work = (state, journal, stopping) -> {
            called.add(state.cluster().name());
            return hanging.run(state, journal, stopping);
        };

        var run = start(fleet("first", "second"), 1, work);
        hanging.listing.await(10, TimeUnit.SECONDS);
        assertThat(alarms.next().delay()).isEqualTo(TIMEOUT);
        assertThat(alarms.armed).as("no grace before a stop").isEmpty();
        stop.request();
        var grace = alarms.next();
        assertThat(grace.delay()).isEqualTo(GRACE);
        assertThat(run).isNotDone();
        grace.action().run();
        var report = run.get(10, TimeUnit.SECONDS);

        var first = report(report, "first");
        assertThat(first.status()).isEqualTo(ClusterReport.Status.FAILED);
        assertThat(first.error()).isEqualTo("stopped: the run was interrupted and the grace period ended");
        assertThat(first.phase()).isEqualTo(ClusterPhase.LIST);
        var second = report(report, "second");
        assertThat(second.status()).isEqualTo(ClusterReport.Status.FAILED);
        assertThat(second.error()).isEqualTo("not started: the run was interrupted");
        assertThat(called).containsExactly("first");
    }

    @Test
    void workThatEndsWithinTheGracePeriodMakesItsOwnReport() throws Exception {
        var seenStop = new CountDownLatch(1);
        ClusterWorkload work = (state, journal, stopping) -> {
            journal.enter(ClusterPhase.APPLY);
            while (!stopping.requested()) {
                Thread.onSpinWait();
            }
            seenStop.countDown();
            return new ClusterReport(state.cluster().name(), ClusterReport.Status.PARTIAL,
                    new ClusterPlan(state.cluster().name(), List.of(), List.of()), List.of(),
                    "some changes were not applied", ClusterPhase.APPLY, Duration.ofMillis(1));
        };

        var run = start(fleet("prod-eu"), 1, work);
        alarms.next(); // the deadline: the cluster has started
        stop.request();
        assertThat(seenStop.await(10, TimeUnit.SECONDS)).as("the work sees the stop it is passed").isTrue();
        var report = run.get(10, TimeUnit.SECONDS);
        alarms.next().action().run(); // the grace period ends after the report was made: nothing changes

        assertThat(report.clusters()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ClusterReport.Status.PARTIAL);
            assertThat(c.error()).isEqualTo("some changes were not applied");
        });
        assertThat(events.seen).containsExactly("prod-eu connect", "started prod-eu", "prod-eu apply",
                "finished prod-eu PARTIAL");
    }

    @Test
    void aClusterWhoseWorkThrowsFailsAloneAndTheRestFinish() throws Exception {
        ClusterWorkload work = (state, journal, stopping) -> {
            if (state.cluster().name().equals("broken")) {
                journal.enter(ClusterPhase.DIFF);
                throw new IllegalStateException("bug");
            }
            return ok(state);
        };

        var report = start(fleet("a", "broken", "b"), 2, work).get(10, TimeUnit.SECONDS);

        assertThat(report.clusters()).extracting(ClusterReport::cluster, ClusterReport::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", ClusterReport.Status.OK),
                org.assertj.core.groups.Tuple.tuple("broken", ClusterReport.Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("b", ClusterReport.Status.OK));
        var broken = report(report, "broken");
        assertThat(broken.error()).isEqualTo("internal error: java.lang.IllegalStateException: bug");
        assertThat(broken.phase()).isEqualTo(ClusterPhase.DIFF);
        assertThat(report.kind()).isEqualTo(RunReport.Kind.RESULT);
    }

    @Test
    void neverMoreClustersInFlightThanTheConcurrency() throws Exception {
        var inFlight = new AtomicInteger();
        var most = new AtomicInteger();
        ClusterWorkload work = (state, journal, stopping) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(5); // overlap the clusters; the assertion is on counts, never on time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return ok(state);
        };
        var names = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "c" + i).toArray(String[]::new);

        var report = start(fleet(names), 3, work).get(30, TimeUnit.SECONDS);

        assertThat(report.clusters()).hasSize(12).allMatch(c -> c.status() == ClusterReport.Status.OK);
        assertThat(most.get()).isBetween(2, 3);
    }
}
