package io.fleetsync.run;

import io.fleetsync.cluster.ClusterConnector;
import io.fleetsync.cluster.Fanout;
import io.fleetsync.manifest.ClusterState;
import io.fleetsync.manifest.DesiredFleet;
import io.fleetsync.apply.ClusterJournal;
import io.fleetsync.plan.ObjectDiffer;
import io.fleetsync.report.ClusterReport;
import io.fleetsync.report.HumanDuration;
import io.fleetsync.report.ProgressListener;
import io.fleetsync.report.RunReport;
import io.quarkus.virtual.threads.VirtualThreads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Fans a run out over the fleet: each cluster is one pipeline on a virtual thread, at most {@code concurrency} in
 * flight, each bounded by its own deadline. No barrier between clusters: a fast cluster applies while a slow one
 * is still listing, and one cluster's failure never touches another's.
 */
@ApplicationScoped
public class FleetRunner {
    private final ExecutorService executor;
    private final ClusterConnector connector;

    @Inject
    public FleetRunner(@VirtualThreads ExecutorService executor, ClusterConnector connector) {
        this.executor = executor;
        this.connector = connector;
    }

    /** Whether the run must stop, and how long in-flight work may go on after it was asked to. */
    public record Stop(BooleanSupplier requested, Duration grace) {
    }

    public RunReport run(DesiredFleet fleet, RunOptions options, ObjectDiffer differ, ProgressListener progress,
                         Stop stop) {
        var startedAt = Instant.now();
        long start = System.nanoTime();
        var pipeline = new ClusterPipeline(connector, new Fanout(executor), differ);
        var slots = new Semaphore(options.concurrency());
        var futures = new ArrayList<Future<ClusterReport>>();
        for (var state : fleet.clusters()) {
            futures.add(executor.submit(() -> runOne(state, pipeline, options, progress, stop, slots)));
        }
        var reports = new ArrayList<ClusterReport>();
        for (int i = 0; i < futures.size(); i++) {
            reports.add(join(futures.get(i), fleet.clusters().get(i)));
        }
        return new RunReport(options.apply() ? RunReport.Kind.RESULT : RunReport.Kind.PLAN,
                options.write().dryRun(), startedAt, ClusterPipeline.elapsed(start), reports);
    }

    private ClusterReport runOne(ClusterState state, ClusterPipeline pipeline, RunOptions options,
                                 ProgressListener progress, Stop stop, Semaphore slots)
            throws InterruptedException {
        var stopping = stop.requested();
        slots.acquire();
        try {
            var name = state.cluster().name();
            if (stopping.getAsBoolean()) {
                var report = new ClusterReport(name, ClusterReport.Status.FAILED, null, List.of(),
                        "not started: the run was interrupted", null, java.time.Duration.ZERO);
                progress.clusterFinished(report);
                return report;
            }
            long start = System.nanoTime();
            var journal = new ClusterJournal(p -> progress.clusterPhase(name, p.label()));
            Future<ClusterReport> f = executor.submit(() -> pipeline.run(state, options, progress, stopping, journal));
            ClusterReport report;
            try {
                report = await(f, start, options.clusterTimeout(), stop);
            } catch (TimeoutException e) {
                // Interrupts the cluster's requests, waits for the rate cap included.
                f.cancel(true);
                var why = stopping.getAsBoolean() ? "stopped: the run was interrupted and the grace period ended"
                        : "did not finish within " + HumanDuration.exact(options.clusterTimeout()) + " (--cluster-timeout)";
                report = ClusterPipeline.failed(name, journal, options, why, start);
            } catch (ExecutionException e) {
                report = ClusterPipeline.failed(name, journal, options, "internal error: " + e.getCause(), start);
            }
            progress.clusterFinished(report);
            return report;
        } finally {
            slots.release();
        }
    }

    /** Waits for the cluster until its deadline, or until the grace period after a stop request ends. */
    private static ClusterReport await(Future<ClusterReport> f, long startNanos, Duration timeout, Stop stop)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = startNanos + timeout.toNanos();
        long stopDeadline = Long.MAX_VALUE;
        while (true) {
            long now = System.nanoTime();
            if (stop.requested().getAsBoolean() && stopDeadline == Long.MAX_VALUE) {
                stopDeadline = now + stop.grace().toNanos();
            }
            long until = Math.min(deadline, stopDeadline);
            if (now >= until) {
                throw new TimeoutException();
            }
            try {
                return f.get(Math.min(until - now, 200_000_000L), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // poll again: a stop request may have arrived
            }
        }
    }

    private static ClusterReport join(Future<ClusterReport> f, ClusterState state) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ClusterReport(state.cluster().name(), ClusterReport.Status.FAILED, null, List.of(),
                    "interrupted", null, java.time.Duration.ZERO);
        } catch (ExecutionException e) {
            return new ClusterReport(state.cluster().name(), ClusterReport.Status.FAILED, null, List.of(),
                    "internal error: " + e.getCause(), null, java.time.Duration.ZERO);
        }
    }
}
