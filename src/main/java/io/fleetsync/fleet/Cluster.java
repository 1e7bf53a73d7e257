package io.fleetsync.fleet;

import java.util.Map;

/** One cluster of the fleet: its unique name, labels for selection, and how to reach it. */
public record Cluster(String name, Map<String, String> labels, Connection connection) {
    public Cluster {
        labels = Map.copyOf(labels);
    }
}
