package io.fleetsync.manifest;

import io.fleetsync.fleet.Fleet;
import java.util.List;

/** The loaded, rendered and validated desired state of every selected cluster, in fleet-file order. */
public record DesiredFleet(Fleet fleet, List<ClusterState> clusters) {
    public DesiredFleet {
        clusters = List.copyOf(clusters);
    }
}
