package io.fleetsync.run;

import io.fleetsync.apply.ClusterApplier;
import io.fleetsync.apply.ClusterJournal;
import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ClusterConnector;
import io.fleetsync.cluster.DiscoveryMemo;
import io.fleetsync.cluster.Fanout;
import io.fleetsync.cluster.RequestGate;
import io.fleetsync.manifest.ClusterState;
import io.fleetsync.plan.ClusterPhase;
import io.fleetsync.plan.ClusterPlanner;
import io.fleetsync.plan.ClusterWork;
import io.fleetsync.plan.ObjectDiffer;
import io.fleetsync.plan.ClusterPlan;
import io.fleetsync.diff.Action;
import io.fleetsync.result.RestartResult;
import io.fleetsync.report.ClusterReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.fleetsync.cluster.Stopping;
import org.jboss.logging.Logger;

/** One cluster end to end — connect, discover, list, diff, apply — never throwing: every failure becomes a report. */
final class ClusterPipeline implements ClusterWorkload {
    private static final Logger LOG = Logger.getLogger(ClusterPipeline.class);

    private final ClusterConnector connector;
    private final Fanout fanout;
    private final ObjectDiffer differ;
    private final RunOptions options;
    private final DiscoveryMemo discoveries = new DiscoveryMemo();

    ClusterPipeline(ClusterConnector connector, Fanout fanout, ObjectDiffer differ, RunOptions options) {
        this.connector = connector;
        this.fanout = fanout;
        this.differ = differ;
        this.options = options;
    }

    @Override
    public ClusterReport run(ClusterState state, ClusterJournal journal, Stopping stopping) {
        var name = state.cluster().name();
        // Every log line of this cluster's thread names the cluster (%X{cluster}, JSON field "mdc.cluster").
        org.jboss.logging.MDC.put("cluster", name);
        long start = System.nanoTime();
        RequestGate stopGate = () -> {
            if (stopping.requested()) {
                throw ApiException.of(io.fleetsync.cluster.ApiFailure.INTERRUPTED, "stopped: the run was interrupted");
            }
        };
        try (var connection = connector.connect(state.cluster(), options.client(), stopGate)) {
            var api = connection.api();
            var work = new ClusterPlanner(fanout, differ, discoveries).plan(state, api, options.plan(), journal::enter);
            journal.planned(work);
            journal.problems(work.problems());
            if (options.apply()) {
                new ClusterApplier(fanout).apply(work, api, writeOptions(options), journal, stopping);
            }
            var report = options.status().after(finish(name, work, journal, start), work);
            return ApplyWait.of(options).after(report, api, journal, stopping, start);
        } catch (RuntimeException e) {
            LOG.debugf(e, "cluster %s failed during %s", name, journal.phase().label());
            var message = e instanceof ApiException ? e.getMessage()
                    : "internal error (a fleetsync bug; --verbose shows the stack trace): " + e;
            return PartWayReport.of(name, journal, options.apply(), message, elapsed(start));
        }
    }

    /** Apply's options for this cluster: a wait for a deletion ends before the cluster's deadline does. */
    private static io.fleetsync.apply.ApplyOptions writeOptions(RunOptions options) {
        return options.write().until(java.time.Instant.now().plus(options.clusterTimeout()));
    }

    /**
     * Builds the report. Outcomes that belong to no planned change still reach the user: rollout restarts are
     * listed as the updates they are, and failures that happened before an object could be planned (a failed list,
     * a kind the cluster does not serve) become the cluster's error line.
     */
    private static ClusterReport finish(String name, ClusterWork work, ClusterJournal journal, long start) {
        var outcomes = journal.outcomes();
        var changes = new ArrayList<>(work.plan().changes());
        var unplannedFailures = new ArrayList<String>();
        journal.problems().forEach(p -> unplannedFailures.add(p.message()));
        for (var restart : journal.restarts()) {
            switch (restart) {
                case RestartResult.Restarted r -> changes.add(r.outcome().change());
                case RestartResult.RestartFailed f -> unplannedFailures.add(f.error());
                case RestartResult.ListFailed f -> unplannedFailures.add(f.error());
            }
        }
        long failed = outcomes.stream().filter(o -> o.status() == ObjectOutcome.Status.FAILED).count();
        // A delete a guard held back is shown, not an error: the cluster stays ok.
        boolean partial = failed > 0 || outcomes.stream().anyMatch(o -> o.status() == ObjectOutcome.Status.SKIPPED
                && o.change().action() != Action.ADOPT_NEEDED && !o.isHeldBack());
        String error = null;
        if (!unplannedFailures.isEmpty()) {
            error = unplannedFailures.size() == 1 ? unplannedFailures.get(0)
                    : unplannedFailures.size() + " problems: " + String.join("; ",
                    unplannedFailures.subList(0, Math.min(3, unplannedFailures.size())))
                    + (unplannedFailures.size() > 3 ? "; …" : "");
        } else if (failed > 0) {
            error = failed + (failed == 1 ? " object" : " objects") + " failed";
        } else if (partial) {
            error = "some changes were not applied";
        }
        var plan = work.plan().withChanges(changes);
        return new ClusterReport(name, partial ? ClusterReport.Status.PARTIAL : ClusterReport.Status.OK, plan,
                outcomes, error, partial ? journal.firstFailure().orElse(journal.phase()) : null, elapsed(start));
    }

    static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
