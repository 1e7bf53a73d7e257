package io.fleetsync.plan;

import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.fleet.Target;
import io.fleetsync.resource.ApplyOrder;
import io.fleetsync.resource.ResourceKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses what to delete: objects a target owns (by its ApplySet label) and no longer renders. Holds everything
 * back when it cannot be sure: after a failed list, for a target that renders nothing (unless allowed), above
 * {@code --max-deletions}. Never proposes an object another target now renders (it is moving) or a system namespace.
 */
final class PrunePlanner {
    static final Set<String> PROTECTED_NAMESPACES = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    /** Deletes to carry out (none when held back) and why anything was held back. */
    record Prune(List<PlannedObject> deletes, List<String> warnings, boolean heldBack) {
    }

    Prune plan(List<TargetSet> sets, Map<String, Target> targets, Collection<OwnedObject> owned,
               Map<String, Set<ResourceKey>> desiredByTarget, Set<ResourceKey> allDesired,
               boolean inventoryComplete, PlanOptions options, ObjectDiffer differ) {
        var deletes = new ArrayList<PlannedObject>();
        var warnings = new ArrayList<String>();
        for (var ts : sets) {
            var target = targets.get(ts.set().target());
            if (!target.prune()) {
                continue;
            }
            var desired = desiredByTarget.getOrDefault(target.name(), Set.of());
            // A departed set renders nothing here by definition; its guard (a cluster no target selects) is in
            // DeparturePlanner.
            if (desired.isEmpty() && !options.allowEmpty() && ts.departure() == null) {
                warnings.add("target " + target.name() + " renders no objects: pruning skipped (--allow-empty to prune)");
                continue;
            }
            for (var o : owned) {
                if (!o.setId().equals(ts.set().id()) || desired.contains(o.key()) || allDesired.contains(o.key())) {
                    continue;
                }
                if (ApplyOrder.isNamespace(o.key().groupKind()) && PROTECTED_NAMESPACES.contains(o.key().name())) {
                    warnings.add("never pruned: system namespace " + o.key().name());
                    continue;
                }
                var diff = options.diff() ? differ.diff(o.key(), ObjectContent.content(o.live()), null) : null;
                deletes.add(new PlannedObject(new Change(o.key(), target.name(), Action.DELETE, List.of(), List.of(),
                        diff, null, ts.departure()), o.resource(), null, o.live(), false));
            }
        }
        if (!inventoryComplete) {
            warnings.add("pruning skipped on this cluster: a list failed, so what exists is unknown");
            return new Prune(List.of(), warnings, !deletes.isEmpty());
        }
        if (options.maxDeletions() != null && deletes.size() > options.maxDeletions()) {
            warnings.add(deletes.size() + " deletions exceed --max-deletions " + options.maxDeletions()
                    + ": all deletes on this cluster are held back");
            return new Prune(deletes, warnings, true);
        }
        return new Prune(deletes, warnings, false);
    }
}
