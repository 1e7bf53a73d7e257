package io.fleetsync.report;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Clusters whose Markdown bodies are the same once each cluster's own name reads {@code ${cluster.name}}: the same
 * objects, actions, paths, conflicts, outcomes, diffs and warnings. Status and error stay per cluster.
 *
 * @param members in fleet-file order
 * @param body the shared body; a lone cluster keeps its own text, a group of several shows the placeholder form
 * @param shown whether the group gets a section: it has a body, its members failed, or one has an object that is
 *     not Current (an empty body, no error and all Current means nothing to say beyond the table row)
 * @param placeholders whether the shared body has a member's name written as {@code ${cluster.name}}
 */
record ClusterGroup(List<ClusterReport> members, ClusterBody body, boolean shown, boolean placeholders) {

    ClusterGroup {
        members = List.copyOf(members);
    }

    private record Key(ClusterBody body, boolean shown) {
    }

    /** The groups of a report, ordered by their first member, so the same report always renders the same way. */
    static List<ClusterGroup> of(RunReport report, boolean diffs) {
        var byKey = new LinkedHashMap<Key, List<ClusterReport>>();
        var raw = new IdentityHashMap<ClusterReport, ClusterBody>();
        for (var cluster : report.clusters()) {
            var body = ClusterBody.of(report, cluster, diffs);
            raw.put(cluster, body);
            // An object that is not Current (apply --wait, status) is worth a section even with nothing to change.
            var unhealthy = cluster.health() != null && !cluster.health().allCurrent();
            var key = new Key(body.withPlaceholderFor(cluster.cluster()),
                    !body.isEmpty() || cluster.error() != null || unhealthy);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(cluster);
        }
        var groups = new ArrayList<ClusterGroup>();
        byKey.forEach((key, members) -> {
            boolean single = members.size() == 1;
            groups.add(new ClusterGroup(members, single ? raw.get(members.getFirst()) : key.body(), key.shown(),
                    !single && members.stream().anyMatch(m -> !raw.get(m).equals(key.body()))));
        });
        return groups;
    }

    boolean single() {
        return members.size() == 1;
    }
}
