package io.fleetsync.report;

import io.fleetsync.apply.ObjectOutcome;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A compact report for a pull-request comment: heading, per-cluster table, one collapsible section per cluster. */
public final class MarkdownReportRenderer implements ReportRenderer {

    private static final List<Action> COLUMNS = List.of(Action.CREATE, Action.UPDATE, Action.REPLACE, Action.DELETE,
            Action.ADOPT_NEEDED, Action.UNCHANGED);

    private final RenderOptions options;

    public MarkdownReportRenderer(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void render(RunReport report, Writer out) throws IOException {
        var lines = new ArrayList<String>();
        lines.add("### fleetsync " + TextReportRenderer.title(report) + ": " + totals(RunTally.of(report)));
        lines.add("");
        lines.addAll(table(report));
        for (var cluster : report.clusters()) {
            var items = items(report, cluster);
            if (items.isEmpty()) continue;
            var changes = ClusterTally.of(cluster).changes();
            lines.add("");
            lines.add("<details><summary><b>" + MarkdownText.html(cluster.cluster()) + "</b> — "
                    + TextReportRenderer.status(cluster) + ", " + changes + (changes == 1 ? " change" : " changes")
                    + "</summary>");
            lines.add("");
            lines.addAll(items);
            lines.add("");
            lines.add("</details>");
        }
        for (var line : lines) out.write(line + "\n");
        out.flush();
    }

    private static String totals(RunTally tally) {
        var parts = new ArrayList<String>();
        for (var action : COLUMNS) parts.add(tally.objects().count(action) + " " + action.label());
        parts.add(tally.objects().errors() + (tally.objects().errors() == 1 ? " error" : " errors"));
        return String.join(", ", parts) + " — clusters: " + tally.ok() + " ok, " + tally.partial() + " partial, "
                + tally.failed() + " failed";
    }

    private static List<String> table(RunReport report) {
        var lines = new ArrayList<String>();
        var header = new StringBuilder("| Cluster | Status |");
        var rule = new StringBuilder("|:--|:--|");
        for (var action : COLUMNS) {
            header.append(' ').append(capitalised(action.label())).append(" |");
            rule.append("--:|");
        }
        lines.add(header.append(" Errors | Duration |").toString());
        lines.add(rule.append("--:|--:|").toString());
        for (var cluster : report.clusters()) {
            var tally = ClusterTally.of(cluster);
            var row = new StringBuilder("| ").append(MarkdownText.cell(cluster.cluster())).append(" | ")
                    .append(statusBadge(cluster.status())).append(" |");
            for (var action : COLUMNS) row.append(' ').append(tally.count(action)).append(" |");
            row.append(' ').append(tally.errors()).append(" | ").append(HumanDuration.format(cluster.duration()))
                    .append(" |");
            lines.add(row.toString());
        }
        return lines;
    }

    private List<String> items(RunReport report, ClusterReport cluster) {
        var items = new ArrayList<String>();
        if (cluster.error() != null) {
            var phase = cluster.phase() == null ? "" : " during " + cluster.phase().label();
            items.add("**" + TextReportRenderer.status(cluster).toUpperCase(Locale.ROOT) + phase + ":** "
                    + MarkdownText.inline(cluster.error()));
        }
        if (cluster.plan() == null) return items;
        var list = new ArrayList<String>();
        cluster.plan().warnings().forEach(w -> list.add("- ⚠️ " + MarkdownText.inline(w)));
        var changes = cluster.plan().changes().stream().filter(c -> c.action().isChange()).toList();
        int shown = Math.min(changes.size(), options.maxChangesPerCluster());
        var outcomes = report.kind() == RunReport.Kind.RESULT ? new OutcomeIndex(cluster) : null;
        for (var change : changes.subList(0, shown)) list.addAll(changeItem(outcomes, change));
        if (changes.size() > shown) list.add("- … and " + (changes.size() - shown) + " more");
        // A blank line between the error paragraph and the list, or Markdown runs them together.
        if (!items.isEmpty() && !list.isEmpty()) items.add("");
        items.addAll(list);
        return items;
    }

    private List<String> changeItem(OutcomeIndex outcomes, Change change) {
        var lines = new ArrayList<String>();
        var item = new StringBuilder("- ").append(MarkdownText.code(
                ChangeLine.symbol(change.action()) + " " + ChangeLine.describe(change)));
        if (outcomes != null) outcomes.of(change).ifPresent(o -> item.append(" — ").append(outcome(o)));
        lines.add(item.toString());
        change.conflicts().forEach(c -> lines.add("  - conflict: " + MarkdownText.code(c)));
        if (options.diffs() && change.diff() != null && !change.diff().isBlank()) {
            var fence = MarkdownText.fenceFor(change.diff());
            lines.add("");
            lines.add("  " + fence + "diff");
            change.diff().lines().forEach(l -> lines.add("  " + l));
            lines.add("  " + fence);
        }
        return lines;
    }

    private static String outcome(ObjectOutcome outcome) {
        var status = outcome.status() == ObjectOutcome.Status.FAILED ? "**failed**"
                : outcome.status().name().toLowerCase(Locale.ROOT);
        return outcome.error() == null ? status : status + ": " + MarkdownText.inline(outcome.error());
    }

    private static String statusBadge(ClusterReport.Status status) {
        return switch (status) {
            case OK -> "✅ ok";
            case PARTIAL -> "⚠️ partial";
            case FAILED -> "❌ failed";
        };
    }

    private static String capitalised(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
