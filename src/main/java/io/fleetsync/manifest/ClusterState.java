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
 */
public record ClusterState(Cluster cluster, List<TargetState> targets, Set<ResourceKey> renderedByOtherTargets) {
    public ClusterState {
        targets = List.copyOf(targets);
        renderedByOtherTargets = Set.copyOf(renderedByOtherTargets);
    }

    public ClusterState(Cluster cluster, List<TargetState> targets) {
        this(cluster, targets, Set.of());
    }

    /** Keeps only the named targets, remembering what the others render. */
    public ClusterState onlyTargets(Set<String> names) {
        var kept = targets.stream().filter(t -> names.contains(t.target().name())).toList();
        var others = new java.util.HashSet<>(renderedByOtherTargets);
        targets.stream().filter(t -> !names.contains(t.target().name()))
                .forEach(t -> t.objects().forEach(o -> others.add(o.key())));
        return new ClusterState(cluster, kept, others);
    }
}
