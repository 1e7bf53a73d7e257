package io.fleetsync.run;

import io.fleetsync.apply.ClusterJournal;
import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.apply.HealthWait;
import io.fleetsync.health.WaitEnd;
import io.fleetsync.plan.ClusterPhase;
import io.fleetsync.report.ClusterReport;
import java.time.Duration;
import java.time.Instant;
import io.fleetsync.cluster.Stopping;

/**
 * {@code apply --wait} inside one cluster's pipeline, after its apply: waits for the objects this apply wrote and
 * folds the result into the cluster's report. No barrier: each cluster waits on its own thread, so a healthy one is
 * done while another still rolls out.
 */
final class ApplyWait {
    /** Left of the cluster's deadline for the report once a wait runs out. */
    private static final Duration DEADLINE_MARGIN = Duration.ofSeconds(3);

    private final RunOptions options;

    private ApplyWait(RunOptions options) {
        this.options = options;
    }

    static ApplyWait of(RunOptions options) {
        return new ApplyWait(options);
    }

    /**
     * The report after waiting, or {@code report} as it is when there is nothing to wait for: a plan, a dry run,
     * no {@code --wait}, or an apply that already failed (its cluster is failed anyway, and waiting would only
     * delay the report). An apply that wrote nothing returns at once without a request.
     */
    ClusterReport after(ClusterReport report, ObjectStore api, ClusterJournal journal, Stopping stopping,
                        long startNanos) {
        if (!options.apply() || !options.health().enabled() || options.write().dryRun()
                || report.status() != ClusterReport.Status.OK) {
            return report;
        }
        var written = journal.appliedObjects();
        if (written.isEmpty()) {
            return with(report, io.fleetsync.health.HealthWaitResult.nothingToWaitFor());
        }
        journal.enter(ClusterPhase.WAIT);
        var deadline = Instant.now().plus(options.clusterTimeout()).minus(ClusterPipeline.elapsed(startNanos))
                .minus(DEADLINE_MARGIN);
        var result = new HealthWait(options.health()).await(api, written, deadline, stopping);
        var status = switch (result.end()) {
            case CURRENT, READ -> ClusterReport.Status.OK;
            case STOPPED -> ClusterReport.Status.PARTIAL;
            case FAILED, TIMED_OUT -> ClusterReport.Status.FAILED;
        };
        return new ClusterReport(report.cluster(), status, report.plan(), report.outcomes(),
                result.end() == WaitEnd.CURRENT ? report.error() : result.problem(),
                result.end() == WaitEnd.CURRENT ? report.phase() : ClusterPhase.WAIT,
                ClusterPipeline.elapsed(startNanos), result);
    }

    private static ClusterReport with(ClusterReport r, io.fleetsync.health.HealthWaitResult result) {
        return new ClusterReport(r.cluster(), r.status(), r.plan(), r.outcomes(), r.error(), r.phase(), r.duration(),
                result);
    }
}
