package io.fleetsync.fleet;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated fleet file: the clusters and the targets that place manifests on them.
 *
 * @param identity the fleet's name, written on every ApplySet parent so fleets sharing a cluster stay apart
 * @param health the {@code health:} section: how {@code apply --wait} tells custom resources' health
 * @param rollout the waves apply goes through; {@link Rollout#NONE} without a {@code rollout:} section
 */
public record Fleet(Path file, List<Cluster> clusters, List<Target> targets, FleetIdentity identity,
                    io.fleetsync.health.HealthRules health, Rollout rollout) {
    public Fleet {
        clusters = List.copyOf(clusters);
        targets = List.copyOf(targets);
        identity = identity == null ? FleetIdentity.UNNAMED : identity;
        health = health == null ? io.fleetsync.health.HealthRules.NONE : health;
        rollout = rollout == null ? Rollout.NONE : rollout;
    }

    public Fleet(Path file, List<Cluster> clusters, List<Target> targets, FleetIdentity identity) {
        this(file, clusters, targets, identity, io.fleetsync.health.HealthRules.NONE, Rollout.NONE);
    }

    public Fleet(Path file, List<Cluster> clusters, List<Target> targets) {
        this(file, clusters, targets, FleetIdentity.UNNAMED);
    }
}
