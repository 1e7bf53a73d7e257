package io.fleetsync.report;

import io.fleetsync.units.HumanDuration;
import io.fleetsync.result.ObjectOutcome;
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

    private final RenderOptions options;
    private final Palette palette;

    public TextReportRenderer(RenderOptions options) {
        this.options = options;
        this.palette = new Palette(options.colors());
    }

    @Override
    public void render(RunReport report, Writer out) throws IOException {
        var summary = ReportSummary.of(report);
        var lines = new ArrayList<String>();
        lines.add(palette.bold(summary.title()) + " · " + summary.clusters() + " cluster(s) · started "
                + summary.startedAt() + " · took " + HumanDuration.format(summary.duration()));
        lines.add("");
        lines.addAll(table(report));
        if (report.rollout() != null) {
            lines.add("");
            lines.add(palette.bold("Rollout:"));
            for (var wave : report.rollout().waves()) {
                lines.add("  " + TerminalText.line(RolloutText.wave(wave)));
                lines.add(DETAIL + TerminalText.line(RolloutText.state(wave)));
            }
        }
        for (var cluster : report.clusters()) {
            var section = clusterSection(report, cluster);
            if (!section.isEmpty()) {
                lines.add("");
                lines.addAll(section);
            }
        }
        lines.add("");
        lines.add(totals(summary));
        for (var line : lines) out.write(line + "\n");
        out.flush();
    }

    private List<String> table(RunReport report) {
        var table = new TextTable();
        var header = new ArrayList<Cell>();
        for (var column : SummaryColumn.values()) {
            var heading = column.label().toUpperCase(Locale.ROOT);
            header.add((column.numeric() ? Cell.right(heading) : Cell.left(heading)).styled(palette::bold));
        }
        table.row(header);
        for (var cluster : report.clusters()) {
            var tally = ClusterTally.of(cluster);
            var row = new ArrayList<Cell>();
            for (var column : SummaryColumn.values()) row.add(cell(column, cluster, tally));
            table.row(row);
        }
        return table.lines();
    }

    private Cell cell(SummaryColumn column, ClusterReport cluster, ClusterTally tally) {
        return switch (column) {
            case CLUSTER -> Cell.left(TerminalText.line(cluster.cluster()));
            case STATUS -> Cell.left(status(cluster)).styled(s -> palette.status(cluster.status(), s));
            case ERRORS -> Cell.right(Long.toString(tally.errors()))
                    .styled(s -> tally.errors() == 0 ? s : palette.red(s));
            case DURATION -> Cell.right(HumanDuration.format(cluster.duration()));
            default -> {
                var action = column.action();
                long n = tally.count(action);
                yield Cell.right(Long.toString(n)).styled(s -> n == 0 ? s : palette.action(action, s));
            }
        };
    }

    private List<String> clusterSection(RunReport report, ClusterReport cluster) {
        var body = new ArrayList<String>();
        if (cluster.plan() != null) {
            var outcomes = report.kind() == RunReport.Kind.RESULT ? new OutcomeIndex(cluster) : null;
            for (var change : cluster.plan().changes()) {
                if (change.action().isChange()) body.addAll(changeBlock(outcomes, change));
            }
            for (var warning : cluster.plan().warnings()) {
                body.add("  " + palette.yellow("warning: ") + TerminalText.line(ReasonText.warning(warning)));
            }
            for (var orphan : cluster.plan().orphans()) {
                body.add("  " + palette.yellow("orphan: ") + TerminalText.line(OrphanLine.describe(orphan)));
            }
            for (var skipped : cluster.plan().skipped()) {
                body.add("  " + palette.dim("hook: ") + TerminalText.line(SkippedLine.describe(skipped)));
            }
        }
        body.addAll(healthLines(cluster));
        if (cluster.error() != null) {
            var phase = cluster.phase() == null ? "" : " during " + cluster.phase().label();
            body.add("  " + palette.status(cluster.status(), status(cluster).toUpperCase(Locale.ROOT) + phase + ": ")
                    + TerminalText.line(cluster.error()));
        }
        if (cluster.status() == ClusterReport.Status.HELD_BACK && report.rollout() != null) {
            body.add("  " + palette.status(cluster.status(), "HELD BACK by the rollout: ")
                    + TerminalText.line(RolloutText.heldBack(report.rollout(), cluster.cluster())));
        }
        if (body.isEmpty()) return body;
        body.addFirst(palette.bold(TerminalText.line(cluster.cluster()) + ":"));
        return body;
    }

    /** {@code apply --wait}: each waited object's final health. */
    private List<String> healthLines(ClusterReport cluster) {
        var lines = new ArrayList<String>();
        var health = cluster.health();
        if (health == null || health.objects().isEmpty()) return lines;
        lines.add("  " + palette.bold(HealthText.summary(health)));
        for (var o : health.objects()) {
            var text = HealthText.describe(o);
            var styled = o.breaks() ? palette.red(text) : o.health().status().settled() ? palette.green(text)
                    : palette.yellow(text);
            lines.add("    " + TerminalText.line(o.key().subject()) + "  " + styled);
        }
        return lines;
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

    private String totals(ReportSummary summary) {
        var line = summary.title() + ": " + summary.objectTotals();
        line += summary.outcomeTotals().map(o -> "; " + o).orElse("");
        line += "; clusters: " + summary.clusterTotals();
        return palette.bold(line);
    }

    static String status(ClusterReport cluster) {
        return cluster.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
