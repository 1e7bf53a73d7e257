package io.fleetsync.ops;

import io.fleetsync.manifest.DesiredFleet;

/** Narrows a loaded fleet to the clusters one shard owns, keeping fleet-file order. */
public final class ShardSelection {
    private ShardSelection() {
    }

    public static DesiredFleet select(DesiredFleet fleet, Shard shard) {
        return new DesiredFleet(fleet.fleet(), fleet.clusters().stream()
                .filter(c -> shard.owns(c.cluster().name())).toList());
    }
}
