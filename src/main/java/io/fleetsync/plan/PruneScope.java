package io.fleetsync.plan;

import io.fleetsync.diff.Action;
import io.fleetsync.resource.ResourceKey;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one cluster's plan deletes and what it keeps. A delete that cascades (a namespace, a CRD) may take with it
 * only objects this same plan deletes.
 *
 * @param pruned deletes that will run (not held back)
 * @param kept every other planned object: desired ones (whatever their action) and held-back deletes
 */
public record PruneScope(Set<ResourceKey> pruned, Set<ResourceKey> kept) {
    public PruneScope {
        pruned = Set.copyOf(pruned);
        kept = Set.copyOf(kept);
    }

    public static PruneScope of(Collection<PlannedObject> objects) {
        var pruned = objects.stream().map(PlannedObject::change)
                .filter(c -> c.action() == Action.DELETE && c.heldBack() == null)
                .map(c -> c.key()).collect(Collectors.toSet());
        var kept = objects.stream().map(p -> p.change().key()).filter(k -> !pruned.contains(k))
                .collect(Collectors.toSet());
        return new PruneScope(pruned, kept);
    }
}
