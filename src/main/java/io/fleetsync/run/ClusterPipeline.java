package io.fleetsync.run;

import io.fleetsync.apply.ClusterApplier;
import io.fleetsync.apply.ObjectOutcome;
import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ClusterConnector;
import io.fleetsync.cluster.Fanout;
import io.fleetsync.cluster.RequestGate;
import io.fleetsync.manifest.ClusterState;
import io.fleetsync.plan.ClusterPlanner;
import io.fleetsync.plan.ClusterWork;
import io.fleetsync.plan.ObjectDiffer;
import io.fleetsync.report.ClusterReport;
import io.fleetsync.report.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/** One cluster end to end — connect, discover, list, diff, apply — never throwing: every failure becomes a report. */
final class ClusterPipeline {
    private static final Logger LOG = Logger.getLogger(ClusterPipeline.class);

    private final ClusterConnector connector;
    private final Fanout fanout;
    private final ObjectDiffer differ;

    ClusterPipeline(ClusterConnector connector, Fanout fanout, ObjectDiffer differ) {
        this.connector = connector;
        this.fanout = fanout;
        this.differ = differ;
    }

    ClusterReport run(ClusterState state, RunOptions options, ProgressListener progress, BooleanSupplier stopping,
                      AtomicReference<String> phase, AtomicReference<ClusterWork> planned) {
        var name = state.cluster().name();
        long start = System.nanoTime();
        phase.set("connect");
        progress.clusterStarted(name);
        try (var connection = connector.connect(state.cluster(), options.client(), RequestGate.OPEN)) {
            var api = connection.api();
            var work = new ClusterPlanner(fanout, differ).plan(state, api, options.plan(), p -> enter(name, p, phase,
                    progress));
            planned.set(work);
            var outcomes = new ArrayList<ObjectOutcome>(work.failures());
            if (options.apply()) {
                outcomes.addAll(new ClusterApplier(fanout).apply(work, api, options.write(),
                        p -> enter(name, p, phase, progress), stopping));
            }
            return finish(name, work, outcomes, null, null, start);
        } catch (ApiException | IllegalStateException e) {
            LOG.debugf(e, "cluster %s failed during %s", name, phase.get());
            var work = planned.get();
            return new ClusterReport(name, ClusterReport.Status.FAILED, work == null ? null : work.plan(), List.of(),
                    e.getMessage(), phase.get(), elapsed(start));
        }
    }

    private static void enter(String cluster, String phase, AtomicReference<String> current, ProgressListener progress) {
        current.set(phase);
        progress.clusterPhase(cluster, phase);
    }

    private static ClusterReport finish(String name, ClusterWork work, List<ObjectOutcome> outcomes, String error,
                                        String phase, long start) {
        boolean partial = outcomes.stream().anyMatch(o -> o.status() == ObjectOutcome.Status.FAILED
                || (o.status() == ObjectOutcome.Status.SKIPPED && o.change().action() != io.fleetsync.diff.Action.ADOPT_NEEDED));
        var status = partial ? ClusterReport.Status.PARTIAL : ClusterReport.Status.OK;
        return new ClusterReport(name, status, work.plan(), outcomes, error, phase, elapsed(start));
    }

    static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
