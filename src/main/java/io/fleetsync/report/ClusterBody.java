package io.fleetsync.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a cluster's Markdown section says beyond its status and error: its warnings and its changes.
 *
 * <p>Hold-backs and other warnings are part of the body, so two clusters group together only when they say the same
 * things; a new kind of per-cluster line belongs here as one more field.
 */
record ClusterBody(List<String> warnings, List<MarkdownItem> items) {

    ClusterBody {
        warnings = List.copyOf(warnings);
        items = List.copyOf(items);
    }

    static ClusterBody of(RunReport report, ClusterReport cluster, boolean diffs) {
        if (cluster.plan() == null) return new ClusterBody(List.of(), List.of());
        var outcomes = report.kind() == RunReport.Kind.RESULT ? new OutcomeIndex(cluster) : null;
        var items = new ArrayList<MarkdownItem>();
        for (var change : cluster.plan().changes()) {
            if (!change.action().isChange()) continue;
            items.add(MarkdownItem.of(change, outcomes == null ? null : outcomes.of(change).orElse(null), diffs));
        }
        // Orphaned ApplySets are warnings a reviewer must see, never cut, like hold-backs.
        var warnings = new ArrayList<>(cluster.plan().warnings().stream().map(ReasonText::warning).toList());
        cluster.plan().orphans().forEach(o -> warnings.add(OrphanLine.describe(o)));
        // Skipped hooks too: a reviewer must see what apply will not do.
        cluster.plan().skipped().forEach(s -> warnings.add(SkippedLine.describe(s)));
        return new ClusterBody(warnings, items);
    }

    boolean isEmpty() {
        return warnings.isEmpty() && items.isEmpty();
    }

    /** This body with the cluster's own name written as {@code ${cluster.name}}. */
    ClusterBody withPlaceholderFor(String cluster) {
        return new ClusterBody(warnings.stream().map(w -> ClusterNamePlaceholder.in(w, cluster)).toList(),
                items.stream().map(i -> i.map(t -> ClusterNamePlaceholder.in(t, cluster))).toList());
    }
}
