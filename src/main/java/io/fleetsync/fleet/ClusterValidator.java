package io.fleetsync.fleet;

import io.fleetsync.fleet.FleetDocument.ClusterEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/** Checks the {@code clusters} section and builds {@link Cluster}s, connections included. */
final class ClusterValidator {
    private final ConnectionResolver connections;
    private final FleetProblems problems;

    ClusterValidator(ConnectionResolver connections, FleetProblems problems) {
        this.connections = connections;
        this.problems = problems;
    }

    List<Cluster> clusters(List<ClusterEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            problems.addUnlessReported("clusters", entries == null ? "missing required field 'clusters'" : "no clusters listed");
            return List.of();
        }
        var clusters = new ArrayList<Cluster>();
        var firstIndex = new HashMap<String, Integer>();
        for (int i = 0; i < entries.size(); i++) {
            var at = "clusters[" + i + "]";
            var entry = entries.get(i);
            if (entry == null) {
                problems.addUnlessReported(at, "empty cluster entry");
                continue;
            }
            if (entry.name() == null) {
                problems.add(at + ".name", "missing required field 'name'");
            } else {
                var nameProblem = NameRules.dnsLabelProblem(entry.name());
                if (nameProblem != null) {
                    problems.add(at + ".name", "cluster name " + nameProblem);
                }
                var first = firstIndex.putIfAbsent(entry.name(), i);
                if (first != null) {
                    problems.add(at + ".name", "duplicate cluster name '" + entry.name() + "' (also clusters["
                            + first + "])");
                }
            }
            var labels = NameRules.labels(entry.labels(), at + ".labels", problems);
            var connection = connections.resolve(entry, at, problems);
            // Clusters with problems stay in the list (connection null) so targets can still be checked against
            // every declared name; the fleet is only returned when no problem was found.
            if (entry.name() != null) {
                clusters.add(new Cluster(entry.name(), labels, connection));
            }
        }
        return clusters;
    }
}
