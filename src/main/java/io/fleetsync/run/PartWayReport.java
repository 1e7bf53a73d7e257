package io.fleetsync.run;

import io.fleetsync.apply.ClusterJournal;
import io.fleetsync.apply.Fates;
import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.report.ClusterReport;
import java.time.Duration;
import java.util.List;

/** The report of a cluster that stopped part-way, made from what its journal holds at that moment. */
final class PartWayReport {
    private PartWayReport() {
    }

    /**
     * Its plan if it got that far, and, for an apply, an outcome for every planned change — what was done, what
     * failed, and the rest skipped as never attempted.
     */
    static ClusterReport of(String name, ClusterJournal journal, boolean apply, String message, Duration elapsed) {
        var plan = journal.plan();
        var phase = journal.phase();
        if (plan == null) {
            return ClusterReport.failedBeforePlan(name, message, phase, elapsed);
        }
        List<ObjectOutcome> outcomes = !apply ? List.of()
                : Fates.complete(plan.changes(), journal.outcomes(), new Fates.NotAttempted(phase, message));
        return ClusterReport.failedAfterPlan(name, plan, outcomes, message, phase, elapsed);
    }
}
