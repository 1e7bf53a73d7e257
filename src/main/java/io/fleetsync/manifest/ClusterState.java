package io.fleetsync.manifest;

import io.fleetsync.fleet.Cluster;
import io.fleetsync.resource.ResourceKey;
import java.util.List;
import java.util.Set;

/**
 * Everything desired on one cluster, grouped by target.
 *
 * @param renderedByOtherTargets objects that targets left out by {@code --target} render on this cluster: never
 *     pruned, since they are moving to (or live in) a target this run does not touch
 * @param membership the fleet's identity, its targets, and the targets that left this cluster
 */
public record ClusterState(Cluster cluster, List<TargetState> targets, Set<ResourceKey> renderedByOtherTargets,
                           ClusterMembership membership) {
    public ClusterState {
        targets = List.copyOf(targets);
        renderedByOtherTargets = Set.copyOf(renderedByOtherTargets);
        membership = membership == null ? ClusterMembership.none() : membership;
    }

    public ClusterState(Cluster cluster, List<TargetState> targets, Set<ResourceKey> renderedByOtherTargets) {
        this(cluster, targets, renderedByOtherTargets, ClusterMembership.none());
    }

    public ClusterState(Cluster cluster, List<TargetState> targets) {
        this(cluster, targets, Set.of());
    }

    /** Keeps only the named targets (and their departures), remembering what the others render. */
    public ClusterState onlyTargets(Set<String> names) {
        var kept = targets.stream().filter(t -> names.contains(t.target().name())).toList();
        var others = new java.util.HashSet<>(renderedByOtherTargets);
        targets.stream().filter(t -> !names.contains(t.target().name()))
                .forEach(t -> t.objects().forEach(o -> others.add(o.key())));
        return new ClusterState(cluster, kept, others, membership.onlyTargets(names));
    }

    public ClusterState withMembership(ClusterMembership other) {
        return new ClusterState(cluster, targets, renderedByOtherTargets, other);
    }

    /** The rendered objects of every target here that are not applied, in target order. */
    public List<SkippedObject> skipped() {
        return targets.stream().flatMap(t -> t.skipped().stream()).toList();
    }

    /** Whether the run has anything to do on this cluster: a target to place, or one that left it. */
    public boolean hasWork() {
        return !targets.isEmpty() || !membership.departed().isEmpty();
    }
}
