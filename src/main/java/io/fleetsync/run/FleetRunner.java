package io.fleetsync.run;

import io.fleetsync.cluster.ClusterConnector;
import io.fleetsync.cluster.Fanout;
import io.fleetsync.manifest.DesiredFleet;
import io.fleetsync.plan.ObjectDiffer;
import io.fleetsync.report.ClusterReport;
import io.fleetsync.report.ProgressListener;
import io.fleetsync.report.RunReport;
import io.quarkus.virtual.threads.VirtualThreads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * Fans a run out over the fleet: each cluster is one {@link ClusterTask} on a virtual thread, at most
 * {@code concurrency} in flight, each bounded by its own deadline. No barrier between clusters: a fast cluster
 * applies while a slow one is still listing, and one cluster's failure never touches another's.
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

    /** The run's stop request, and how long in-flight work may go on after it was made. */
    public record Stop(StopRequest requested, Duration grace) {
    }

    public RunReport run(DesiredFleet fleet, RunOptions options, ObjectDiffer differ, ProgressListener progress,
                         Stop stop) {
        var pipeline = new ClusterPipeline(connector, new Fanout(executor), differ, options);
        return run(fleet, options, pipeline, progress, stop, Alarms.SYSTEM);
    }

    /** The fan-out itself, with the clusters' work and the alarms given (fakes in tests). */
    RunReport run(DesiredFleet fleet, RunOptions options, ClusterWorkload workload, ProgressListener progress,
                  Stop stop, Alarms alarms) {
        var startedAt = Instant.now();
        long start = System.nanoTime();
        var slots = new Semaphore(options.concurrency());
        var settings = new ClusterTask.Settings(options.apply(), options.clusterTimeout(), stop);
        var tasks = fleet.clusters().stream()
                .map(state -> new ClusterTask(state, workload, settings, progress, slots, alarms)).toList();
        tasks.forEach(executor::execute);
        var reports = tasks.stream().map(FleetRunner::join).toList();
        return new RunReport(options.apply() ? RunReport.Kind.RESULT
                : options.status().enabled() ? RunReport.Kind.STATUS : RunReport.Kind.PLAN,
                options.write().dryRun(), startedAt, ClusterPipeline.elapsed(start), reports);
    }

    private static ClusterReport join(ClusterTask task) {
        try {
            return task.report().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ClusterReport.notStarted(task.name(), "interrupted");
        } catch (ExecutionException e) {
            // Never completed exceptionally; kept so a future change cannot lose a cluster from the report.
            return ClusterReport.notStarted(task.name(), "internal error: " + e.getCause());
        }
    }
}
