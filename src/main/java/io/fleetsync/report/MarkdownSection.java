package io.fleetsync.report;

import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.diff.Action;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One group's collapsible section, in parts a budget can keep or drop: the head (names, status, errors, warnings)
 * is always kept; the change list may give way to a one-line count; each diff may be dropped on its own.
 *
 * @param head the opening lines up to and including the warnings: never cut
 * @param items the listed changes, each with its diff (or null), up to the per-cluster cap
 * @param more the "… and N more" line when the cap was reached, else empty
 * @param stub what stands in for {@code items} and {@code more} when the list is cut: the failed, skipped and
 *     conflicting changes, and a count of the rest
 * @param close the closing lines
 * @param changes how many changes the group has, listed or not
 */
record MarkdownSection(List<String> head, List<Item> items, List<String> more, Stub stub,
                       List<String> close, int changes) {

    /** The stand-in for a cut list, and how many changes it leaves unlisted. */
    record Stub(List<String> lines, int unlisted) {
        Stub {
            lines = List.copyOf(lines);
        }
    }

    /** Clusters named in a group's summary line before "and N more"; the rest are listed in its first line. */
    static final int NAMES_IN_SUMMARY = 3;

    /** One listed change: its bullet and conflict lines, and its diff. */
    record Item(List<String> lines, MarkdownDiff diff) {
        Item {
            lines = List.copyOf(lines);
        }
    }

    MarkdownSection {
        head = List.copyOf(head);
        items = List.copyOf(items);
        more = List.copyOf(more);
        close = List.copyOf(close);
    }

    /** How many changes were left out by the per-cluster cap. */
    int beyondCap() {
        return changes - items.size();
    }

    static MarkdownSection of(ClusterGroup group, RenderOptions options) {
        var body = group.body();
        var head = new ArrayList<String>();
        head.add("");
        head.add("<details><summary>" + summary(group) + "</summary>");
        head.add("");
        var paragraphs = new ArrayList<String>();
        if (group.members().size() > NAMES_IN_SUMMARY) {
            paragraphs.add("Clusters: " + group.members().stream().map(c -> MarkdownText.inline(c.cluster()))
                    .collect(Collectors.joining(", ")));
        }
        for (var cluster : group.members()) {
            if (cluster.error() != null) paragraphs.add(errorLine(cluster, group.single()));
        }
        for (var cluster : group.members()) {
            var health = healthParagraph(cluster, group.single());
            if (health != null) paragraphs.add(health);
        }
        if (group.placeholders()) {
            paragraphs.add(MarkdownText.code(ClusterNamePlaceholder.PLACEHOLDER)
                    + " below stands for each cluster's own name.");
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            if (i > 0) head.add("");
            head.add(paragraphs.get(i));
        }
        // A blank line between the paragraphs and the list, or Markdown runs them together.
        if (!paragraphs.isEmpty() && !body.isEmpty()) head.add("");
        body.warnings().forEach(w -> head.add("- ⚠️ " + MarkdownText.inline(w)));

        int shown = Math.min(body.items().size(), options.maxChangesPerCluster());
        var items = new ArrayList<Item>();
        for (var item : body.items().subList(0, shown)) {
            items.add(new Item(itemLines(item), MarkdownDiff.of(item, options.limited())));
        }
        var more = body.items().size() > shown ? List.of("- … and " + (body.items().size() - shown) + " more")
                : List.<String>of();
        return new MarkdownSection(head, items, more, stub(body.items(), options.maxChangesPerCluster()),
                List.of("", "</details>"), body.items().size());
    }

    /**
     * {@code apply --wait}: the cluster's health summary and every object that is not Current (Current ones are
     * only counted, so the head, which is never cut, stays short).
     */
    private static String healthParagraph(ClusterReport cluster, boolean single) {
        var health = cluster.health();
        if (health == null || health.objects().isEmpty()) return null;
        var lines = new ArrayList<String>();
        lines.add((single ? "" : "<b>" + MarkdownText.html(cluster.cluster()) + "</b> ")
                + MarkdownText.inline(HealthText.summary(health)));
        for (var o : health.objects()) {
            if (o.health().status() == io.fleetsync.health.HealthStatus.CURRENT) continue;
            lines.add("- " + (o.breaks() ? "❌ " : "⏳ ") + MarkdownText.code(o.key().subject()) + " "
                    + MarkdownText.inline(HealthText.describe(o)));
        }
        return String.join("\n", lines);
    }

    // A cut list still shows the changes that failed, were held back or skipped, or meet a conflict: those are
    // errors and hold-backs, which are never cut. The rest become one count.
    private static Stub stub(List<MarkdownItem> all, int cap) {
        var kept = all.stream().filter(MarkdownSection::mustShow).limit(cap).toList();
        var rest = all.stream().filter(i -> !kept.contains(i)).toList();
        var lines = new ArrayList<String>();
        kept.forEach(i -> lines.addAll(itemLines(i)));
        if (!rest.isEmpty()) {
            lines.add("- " + rest.size() + (kept.isEmpty() ? "" : " more") + (rest.size() == 1 ? " change" : " changes")
                    + " not listed: " + byAction(rest));
        }
        return new Stub(lines, rest.size());
    }

    private static boolean mustShow(MarkdownItem item) {
        return item.outcome() == ObjectOutcome.Status.FAILED || item.outcome() == ObjectOutcome.Status.SKIPPED
                || !item.conflicts().isEmpty() || item.heldBack();
    }

    private static String summary(ClusterGroup group) {
        var members = group.members();
        int changes = group.body().items().size();
        if (group.single()) {
            var cluster = members.getFirst();
            return "<b>" + MarkdownText.html(cluster.cluster()) + "</b> — " + TextReportRenderer.status(cluster)
                    + ", " + changes(changes);
        }
        var names = members.stream().limit(NAMES_IN_SUMMARY).map(c -> "<b>" + MarkdownText.html(c.cluster()) + "</b>")
                .collect(Collectors.joining(", "));
        if (members.size() > NAMES_IN_SUMMARY) names += " and " + (members.size() - NAMES_IN_SUMMARY) + " more";
        return names + " (" + members.size() + " clusters) — " + statuses(members) + ", "
                + (changes == 0 ? "no changes" : "the same " + changes(changes));
    }

    private static String statuses(List<ClusterReport> members) {
        var counts = new EnumMap<ClusterReport.Status, Integer>(ClusterReport.Status.class);
        members.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        if (counts.size() == 1) return counts.keySet().iterator().next().name().toLowerCase(Locale.ROOT);
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String errorLine(ClusterReport cluster, boolean single) {
        var phase = cluster.phase() == null ? "" : " during " + cluster.phase().label();
        var who = single ? "" : MarkdownText.inline(cluster.cluster()) + ": ";
        return "**" + who + TextReportRenderer.status(cluster).toUpperCase(Locale.ROOT) + phase + ":** "
                + MarkdownText.inline(cluster.error());
    }

    private static List<String> itemLines(MarkdownItem item) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder("- ").append(MarkdownText.code(ChangeLine.symbol(item.action()) + " "
                + item.line()));
        if (item.outcome() != null) line.append(" — ").append(outcome(item));
        lines.add(line.toString());
        item.conflicts().forEach(c -> lines.add("  - conflict: " + MarkdownText.code(c)));
        return lines;
    }

    private static String outcome(MarkdownItem item) {
        var status = item.outcome() == ObjectOutcome.Status.FAILED ? "**failed**"
                : item.outcome().name().toLowerCase(Locale.ROOT);
        return item.outcomeError() == null ? status : status + ": " + MarkdownText.inline(item.outcomeError());
    }

    private static String changes(long n) {
        return n + (n == 1 ? " change" : " changes");
    }

    private static String byAction(List<MarkdownItem> items) {
        var counts = new EnumMap<Action, Integer>(Action.class);
        items.forEach(i -> counts.merge(i.action(), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }
}
