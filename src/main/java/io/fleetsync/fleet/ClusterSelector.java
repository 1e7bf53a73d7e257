package io.fleetsync.fleet;

import java.util.List;
import java.util.Map;

/** Which clusters a target goes to: listed names and/or clusters whose labels match all given labels. */
public record ClusterSelector(List<String> names, Map<String, String> labels) {
    public ClusterSelector {
        names = List.copyOf(names);
        labels = Map.copyOf(labels);
    }

    /** A cluster is selected when it is named, or when a label selector is given and it matches every label. */
    public boolean selects(Cluster cluster) {
        if (names.contains(cluster.name())) {
            return true;
        }
        return !labels.isEmpty() && labels.entrySet().stream()
                .allMatch(e -> e.getValue().equals(cluster.labels().get(e.getKey())));
    }
}
