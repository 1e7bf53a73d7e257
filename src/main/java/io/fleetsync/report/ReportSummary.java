package io.fleetsync.report;

import io.fleetsync.result.ObjectOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;

/**
 * What text and Markdown both say about a run as a whole, computed once from the report: the title and the totals.
 * Each format arranges these pieces its own way (a terminal's closing line, a comment's heading).
 *
 * @param outcomes what was done to objects; only a result has them
 */
record ReportSummary(String title, int clusters, Instant startedAt, Duration duration, RunTally tally,
                     Optional<Outcomes> outcomes) {

    /** Objects done, failed and skipped across the run. */
    record Outcomes(long done, long failed, long skipped) {
    }

    static ReportSummary of(RunReport report) {
        var kind = switch (report.kind()) {
            case PLAN -> "Plan";
            case RESULT -> "Result";
            case STATUS -> "Status";
        };
        var title = report.dryRun() ? kind + " (dry-run)" : kind;
        var outcomes = report.kind() == RunReport.Kind.RESULT ? Optional.of(outcomes(report))
                : Optional.<Outcomes>empty();
        return new ReportSummary(title, report.clusters().size(), report.startedAt(), report.duration(),
                RunTally.of(report), outcomes);
    }

    private static Outcomes outcomes(RunReport report) {
        var counts = new long[ObjectOutcome.Status.values().length];
        for (var cluster : report.clusters()) {
            for (var outcome : cluster.outcomes()) counts[outcome.status().ordinal()]++;
        }
        return new Outcomes(counts[ObjectOutcome.Status.DONE.ordinal()], counts[ObjectOutcome.Status.FAILED.ordinal()],
                counts[ObjectOutcome.Status.SKIPPED.ordinal()]);
    }

    /** {@code 2 create, 3 update, …, 1 unchanged, 2 errors}: every action column, then the errors. */
    String objectTotals() {
        var objects = tally.objects();
        var parts = new ArrayList<String>();
        for (var action : SummaryColumn.ACTIONS) parts.add(objects.count(action) + " " + action.label());
        parts.add(objects.errors() + (objects.errors() == 1 ? " error" : " errors"));
        return String.join(", ", parts);
    }

    /** {@code 1 ok, 1 partial, 1 failed}. */
    String clusterTotals() {
        return tally.ok() + " ok, " + tally.partial() + " partial, " + tally.failed() + " failed"
                + (tally.heldBack() == 0 ? "" : ", " + tally.heldBack() + " held back");
    }

    /** {@code 7 done, 1 failed, 0 skipped}, for a result. */
    Optional<String> outcomeTotals() {
        return outcomes.map(o -> o.done() + " done, " + o.failed() + " failed, " + o.skipped() + " skipped");
    }
}
