package io.fleetsync.report;

import io.fleetsync.units.HumanDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The per-cluster summary table, one row per cluster, or (when the budget needs it) with the ok clusters of each
 * group merged into one row that still names every cluster: no cluster's status or errors are ever left out.
 */
final class MarkdownTable {

    private MarkdownTable() {
    }

    static List<String> full(RunReport report) {
        var lines = header();
        for (var cluster : report.clusters()) lines.add(row(List.of(cluster)));
        return lines;
    }

    /** Rows of clusters that are ok, error-free and in the same group merged into one, at the first one's place. */
    static List<String> merged(RunReport report, List<ClusterGroup> groups) {
        var mergedWith = new IdentityHashMap<ClusterReport, List<ClusterReport>>();
        for (var group : groups) {
            var quiet = group.members().stream().filter(MarkdownTable::mergeable).toList();
            if (quiet.size() > 1) quiet.forEach(c -> mergedWith.put(c, quiet));
        }
        var lines = header();
        for (var cluster : report.clusters()) {
            var rowMembers = mergedWith.getOrDefault(cluster, List.of(cluster));
            if (rowMembers.getFirst() == cluster) lines.add(row(rowMembers));
        }
        return lines;
    }

    /** How many clusters share a row with others in the merged table. */
    static int clustersMerged(List<ClusterGroup> groups) {
        return groups.stream().mapToInt(g -> {
            long quiet = g.members().stream().filter(MarkdownTable::mergeable).count();
            return quiet > 1 ? (int) quiet : 0;
        }).sum();
    }

    private static boolean mergeable(ClusterReport cluster) {
        return cluster.status() == ClusterReport.Status.OK && cluster.error() == null
                && ClusterTally.of(cluster).errors() == 0;
    }

    private static List<String> header() {
        var header = new StringBuilder("|");
        var rule = new StringBuilder("|");
        for (var column : SummaryColumn.values()) {
            var label = column.label();
            header.append(' ').append(Character.toUpperCase(label.charAt(0))).append(label.substring(1)).append(" |");
            rule.append(column.numeric() ? "--:|" : ":--|");
        }
        var lines = new ArrayList<String>();
        lines.add(header.toString());
        lines.add(rule.toString());
        return lines;
    }

    // A merged row shows each column as the per-cluster value, or its range when the clusters differ (the number
    // of unchanged objects may differ within a group; the changes cannot).
    private static String row(List<ClusterReport> clusters) {
        var tallies = clusters.stream().map(ClusterTally::of).toList();
        var row = new StringBuilder("|");
        for (var column : SummaryColumn.values()) row.append(' ').append(cell(column, clusters, tallies)).append(" |");
        return row.toString();
    }

    private static String cell(SummaryColumn column, List<ClusterReport> clusters, List<ClusterTally> tallies) {
        var first = clusters.getFirst();
        return switch (column) {
            case CLUSTER -> clusters.size() == 1 ? MarkdownText.cell(first.cluster())
                    : clusters.stream().map(c -> MarkdownText.cell(c.cluster())).collect(Collectors.joining(", "))
                            + " (" + clusters.size() + " clusters)";
            case STATUS -> badge(first.status());
            case ERRORS -> range(tallies, ClusterTally::errors);
            case DURATION -> {
                var longest = clusters.stream().map(ClusterReport::duration).max(Duration::compareTo)
                        .orElse(Duration.ZERO);
                yield (clusters.size() == 1 ? "" : "≤ ") + HumanDuration.format(longest);
            }
            default -> range(tallies, t -> t.count(column.action()));
        };
    }

    private static String range(List<ClusterTally> tallies, ToLongFunction<ClusterTally> column) {
        long min = tallies.stream().mapToLong(column).min().orElse(0);
        long max = tallies.stream().mapToLong(column).max().orElse(0);
        return min == max ? Long.toString(min) : min + "–" + max;
    }

    private static String badge(ClusterReport.Status status) {
        return switch (status) {
            case OK -> "✅ ok";
            case PARTIAL -> "⚠️ partial";
            case FAILED -> "❌ failed";
            case HELD_BACK -> "⏸️ held back";
        };
    }
}
