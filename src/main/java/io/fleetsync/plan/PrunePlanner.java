package io.fleetsync.plan;

import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.diff.HoldBack;
import io.fleetsync.fleet.Target;
import io.fleetsync.resource.ApplyOrder;
import io.fleetsync.resource.Departure;
import io.fleetsync.resource.ResourceKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses what to delete: objects a target owns (by its ApplySet label) and no longer renders. Never proposes an
 * object another target now renders (it is moving). Every delete a guard stops is still planned, carrying the
 * guard's {@link HoldBack} — a system namespace, a target that renders nothing (unless allowed), a failed list,
 * more deletes than {@code --max-deletions} — so the plan shows exactly what apply will hold back. What a delete
 * would cascade to is checked afterwards against the cluster ({@link CascadeGuard}).
 */
final class PrunePlanner {
    static final Set<String> PROTECTED_NAMESPACES = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    /**
     * @param deletes every prune candidate, held back or not
     * @param heldBack every delete of the cluster is held back (a failed list, or {@code --max-deletions})
     */
    record Prune(List<PlannedObject> deletes, List<PlanWarning> warnings, boolean heldBack) {
    }

    Prune plan(List<TargetSet> sets, Map<String, Target> targets, Collection<OwnedObject> owned,
               Map<String, Set<ResourceKey>> desiredByTarget, Set<ResourceKey> allDesired,
               boolean inventoryComplete, PlanOptions options, ObjectDiffer differ) {
        var deletes = new ArrayList<PlannedObject>();
        var warnings = new ArrayList<PlanWarning>();
        for (var ts : sets) {
            var target = targets.get(ts.set().target());
            if (!target.prune()) {
                continue;
            }
            var desired = desiredByTarget.getOrDefault(target.name(), Set.of());
            // A departed set renders nothing here by definition; its guard (a cluster no target selects) is in
            // DeparturePlanner.
            boolean empty = desired.isEmpty() && !options.allowEmpty() && ts.departure() == null;
            if (empty) {
                warnings.add(new PlanWarning.EmptyTarget(target.name()));
            }
            for (var o : owned) {
                if (!o.setId().equals(ts.set().id()) || desired.contains(o.key()) || allDesired.contains(o.key())) {
                    continue;
                }
                HoldBack why = null;
                if (ApplyOrder.isNamespace(o.key().groupKind()) && PROTECTED_NAMESPACES.contains(o.key().name())) {
                    why = HoldBack.of(HoldBack.Reason.SYSTEM_NAMESPACE);
                } else if (empty) {
                    why = HoldBack.of(HoldBack.Reason.EMPTY_TARGET);
                }
                deletes.add(delete(o, target.name(), ts.departure(), why, options, differ));
            }
        }
        if (!inventoryComplete) {
            warnings.add(new PlanWarning.InventoryIncomplete());
            return new Prune(holdAll(deletes, HoldBack.of(HoldBack.Reason.INVENTORY_INCOMPLETE)), warnings, true);
        }
        long runnable = deletes.stream().filter(d -> d.change().heldBack() == null).count();
        if (options.maxDeletions() != null && runnable > options.maxDeletions()) {
            warnings.add(new PlanWarning.MaxDeletions(runnable, options.maxDeletions()));
            return new Prune(holdAll(deletes, new HoldBack(HoldBack.Reason.MAX_DELETIONS, runnable, null)), warnings,
                    true);
        }
        return new Prune(deletes, warnings, false);
    }

    private static PlannedObject delete(OwnedObject o, String target, Departure departure, HoldBack why,
                                        PlanOptions options, ObjectDiffer differ) {
        var diff = options.diff() ? differ.diff(o.key(), ObjectContent.content(o.live()), null) : null;
        return new PlannedObject(new Change(o.key(), target, Action.DELETE, List.of(), List.of(), diff, null, departure,
                why),
                o.resource(), null, o.live(), false);
    }

    /** Holds back every delete not already held back by a guard of its own (which stays the more specific reason). */
    private static List<PlannedObject> holdAll(List<PlannedObject> deletes, HoldBack why) {
        return deletes.stream().map(d -> d.change().heldBack() != null ? d : d.withChange(d.change().withHeldBack(why)))
                .toList();
    }
}
