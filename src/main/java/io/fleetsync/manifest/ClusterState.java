package io.fleetsync.manifest;

import io.fleetsync.fleet.Cluster;
import java.util.List;

/** Everything desired on one cluster, grouped by target. */
public record ClusterState(Cluster cluster, List<TargetState> targets) {
    public ClusterState {
        targets = List.copyOf(targets);
    }
}
