package io.fleetsync.report;

import io.fleetsync.apply.ObjectOutcome;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.report.TextTable.Cell;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Human-readable report for a terminal: a summary table, the changes per cluster, and a closing total. */
public final class TextReportRenderer implements ReportRenderer {

    private static final String DETAIL = "      ";
    private static final List<Action> COLUMNS = List.of(Action.CREATE, Action.UPDATE, Action.REPLACE, Action.DELETE,
            Action.ADOPT_NEEDED, Action.UNCHANGED);

    private final RenderOptions options;
    private final Palette palette;

    public TextReportRenderer(RenderOptions options) {
        this.options = options;
        this.palette = new Palette(options.colors());
    }

    @Override
    public void render(RunReport report, Writer out) throws IOException {
        var lines = new ArrayList<String>();
        lines.add(palette.bold(title(report)) + " · " + report.clusters().size() + " cluster(s) · started "
                + report.startedAt() + " · took " + HumanDuration.format(report.duration()));
        lines.add("");
        lines.addAll(table(report));
        for (var cluster : report.clusters()) {
            var section = clusterSection(report, cluster);
            if (!section.isEmpty()) {
                lines.add("");
                lines.addAll(section);
            }
        }
        lines.add("");
        lines.add(totals(report));
        for (var line : lines) out.write(line + "\n");
        out.flush();
    }

    static String title(RunReport report) {
        var kind = report.kind() == RunReport.Kind.PLAN ? "Plan" : "Result";
        return report.dryRun() ? kind + " (dry-run)" : kind;
    }

    private List<String> table(RunReport report) {
        var table = new TextTable();
        var header = new ArrayList<Cell>(List.of(Cell.left("CLUSTER"), Cell.left("STATUS")));
        COLUMNS.forEach(a -> header.add(Cell.right(a.label().toUpperCase(Locale.ROOT))));
        header.add(Cell.right("ERRORS"));
        header.add(Cell.right("DURATION"));
        table.row(header.stream().map(c -> c.styled(palette::bold)).toList());
        for (var cluster : report.clusters()) {
            var tally = ClusterTally.of(cluster);
            var row = new ArrayList<Cell>();
            row.add(Cell.left(TerminalText.line(cluster.cluster())));
            row.add(Cell.left(status(cluster)).styled(s -> palette.status(cluster.status(), s)));
            for (var action : COLUMNS) {
                long n = tally.count(action);
                row.add(Cell.right(Long.toString(n)).styled(s -> n == 0 ? s : palette.action(action, s)));
            }
            row.add(Cell.right(Long.toString(tally.errors())).styled(s -> tally.errors() == 0 ? s : palette.red(s)));
            row.add(Cell.right(HumanDuration.format(cluster.duration())));
            table.row(row);
        }
        return table.lines();
    }

    private List<String> clusterSection(RunReport report, ClusterReport cluster) {
        var body = new ArrayList<String>();
        if (cluster.plan() != null) {
            var outcomes = report.kind() == RunReport.Kind.RESULT ? new OutcomeIndex(cluster) : null;
            for (var change : cluster.plan().changes()) {
                if (change.action().isChange()) body.addAll(changeBlock(outcomes, change));
            }
            for (var warning : cluster.plan().warnings()) {
                body.add("  " + palette.yellow("warning: ") + TerminalText.line(warning));
            }
            for (var orphan : cluster.plan().orphans()) {
                body.add("  " + palette.yellow("orphan: ") + TerminalText.line(OrphanLine.describe(orphan)));
            }
            for (var skipped : cluster.plan().skipped()) {
                body.add("  " + palette.dim("hook: ") + TerminalText.line(SkippedLine.describe(skipped)));
            }
        }
        if (cluster.error() != null) {
            var phase = cluster.phase() == null ? "" : " during " + cluster.phase().label();
            body.add("  " + palette.status(cluster.status(), status(cluster).toUpperCase(Locale.ROOT) + phase + ": ")
                    + TerminalText.line(cluster.error()));
        }
        if (body.isEmpty()) return body;
        body.addFirst(palette.bold(TerminalText.line(cluster.cluster()) + ":"));
        return body;
    }

    private List<String> changeBlock(OutcomeIndex outcomes, Change change) {
        var block = new ArrayList<String>();
        var text = ChangeLine.symbol(change.action()) + " " + TerminalText.line(ChangeLine.describe(change));
        var line = palette.action(change.action(), text);
        var outcome = outcomes == null ? null : outcomes.of(change).orElse(null);
        block.add("  " + line + (outcome == null ? "" : "  " + outcomeTag(outcome)));
        var reason = outcome == null ? null : HoldBackText.outcomeReason(outcome, change);
        if (reason != null) {
            var label = outcome.status() == ObjectOutcome.Status.FAILED ? "error: " : "reason: ";
            block.add(DETAIL + label + TerminalText.line(reason));
        }
        for (var conflict : change.conflicts()) {
            block.add(DETAIL + palette.yellow("conflict: ") + TerminalText.line(conflict));
        }
        if (options.diffs() && change.diff() != null && !change.diff().isBlank()) {
            change.diff().lines().forEach(l -> block.add(DETAIL + palette.diffLine(TerminalText.line(l))));
        }
        return block;
    }

    private String outcomeTag(ObjectOutcome outcome) {
        return switch (outcome.status()) {
            case DONE -> palette.green("[done]");
            case FAILED -> palette.red("[FAILED]");
            case SKIPPED -> palette.dim(outcome.isHeldBack() ? "[held back]" : "[skipped]");
        };
    }

    private String totals(RunReport report) {
        var tally = RunTally.of(report);
        var objects = tally.objects();
        var parts = new ArrayList<String>();
        for (var action : COLUMNS) parts.add(objects.count(action) + " " + action.label());
        parts.add(objects.errors() + (objects.errors() == 1 ? " error" : " errors"));
        var line = title(report) + ": " + String.join(", ", parts);
        if (report.kind() == RunReport.Kind.RESULT) line += "; " + outcomeTotals(report);
        line += "; clusters: " + tally.ok() + " ok, " + tally.partial() + " partial, " + tally.failed() + " failed";
        return palette.bold(line);
    }

    private static String outcomeTotals(RunReport report) {
        var counts = new long[ObjectOutcome.Status.values().length];
        for (var cluster : report.clusters()) {
            for (var outcome : cluster.outcomes()) counts[outcome.status().ordinal()]++;
        }
        return counts[ObjectOutcome.Status.DONE.ordinal()] + " done, "
                + counts[ObjectOutcome.Status.FAILED.ordinal()] + " failed, "
                + counts[ObjectOutcome.Status.SKIPPED.ordinal()] + " skipped";
    }

    static String status(ClusterReport cluster) {
        return cluster.status().name().toLowerCase(Locale.ROOT);
    }
}
