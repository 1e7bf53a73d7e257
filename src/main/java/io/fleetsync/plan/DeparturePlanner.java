package io.fleetsync.plan;

import io.fleetsync.fleet.ClusterSelector;
import io.fleetsync.fleet.FleetIdentity;
import io.fleetsync.fleet.Target;
import io.fleetsync.manifest.ClusterState;
import io.fleetsync.manifest.DepartedTarget;
import io.fleetsync.resource.ApplySet;
import io.fleetsync.resource.Departure;
import io.fleetsync.resource.ResourceKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds, among the ApplySet parents listed on a cluster, the sets this fleet wrote that no target places there any
 * more — a target whose selector left the cluster, or a target removed from the fleet file (an orphan) — and hands
 * them to pruning as ordinary sets whose target renders nothing. Pure: decides from values.
 *
 * <p>Never touches a parent another fleet wrote, nor one whose name or id is not what fleetsync would have
 * written for its target annotation.
 */
final class DeparturePlanner {

    /**
     * What to do about the sets no placed target owns.
     *
     * @param sets departed sets, and orphaned ones with {@code --prune-orphans}: listed and pruned like any set
     * @param targets the target of each of those sets, by name (an orphan's is rebuilt: prune on, no selector)
     * @param parentUids each listed parent's uid, by set id, for the precondition of its final delete
     */
    record Departures(List<TargetSet> sets, Map<String, Target> targets, List<OrphanedSet> orphans,
                      List<PlanWarning> warnings, Map<String, String> parentUids) {
        static Departures none() {
            return new Departures(List.of(), Map.of(), List.of(), List.of(), Map.of());
        }

        /**
         * The parents to delete after a clean apply: those of sets all of whose listed members this plan deletes.
         * A member kept for any reason (another target renders it, a guard, {@code prune: false}) keeps its parent,
         * or the member would be labelled with a set nobody records.
         */
        List<RetiredParent> retired(Collection<OwnedObject> owned, List<PlannedObject> deletes,
                                    boolean deletesHeldBack, boolean inventoryComplete) {
            if (deletesHeldBack || !inventoryComplete) {
                return List.of();
            }
            var deleted = new HashSet<ResourceKey>();
            deletes.forEach(d -> deleted.add(d.change().key()));
            var out = new ArrayList<RetiredParent>();
            for (var ts : sets) {
                var id = ts.set().id();
                boolean allGone = owned.stream().filter(o -> o.setId().equals(id))
                        .allMatch(o -> deleted.contains(o.key()));
                if (allGone) {
                    out.add(new RetiredParent(ts.set(), parentUids.get(id)));
                }
            }
            return out;
        }
    }

    /** A parent as listed: the target it names, who wrote it (fleet and cluster entry), and what it spans. */
    private record Listed(String target, String fleet, String cluster, String uid, ParentRecord record) {
    }

    /**
     * @param parents the ConfigMaps listed in the parents' namespace by the id label; ignored when the state needs
     *     no list (then empty)
     */
    Departures plan(ClusterState state, List<Map<String, Object>> parents, PlanOptions options) {
        var membership = state.membership();
        var fleet = membership.fleet();
        var placed = state.targets().stream().map(t -> t.target().name()).collect(Collectors.toSet());
        var departed = new LinkedHashMap<String, DepartedTarget>();
        membership.departed().forEach(d -> departed.put(d.target().name(), d));

        var sets = new ArrayList<TargetSet>();
        var targets = new LinkedHashMap<String, Target>();
        var orphans = new ArrayList<OrphanedSet>();
        var warnings = new ArrayList<PlanWarning>();
        var uids = new LinkedHashMap<String, String>();
        for (var parent : parents) {
            var listed = read(parent);
            if (listed.isEmpty() || placed.contains(listed.get().target())) {
                continue; // not fleetsync's, or read with its GET as a placed target
            }
            var l = listed.get();
            var set = ApplySet.forTarget(l.target(), fleet.name());
            var leaving = departed.get(l.target());
            if (leaving != null && fleet.mayUse(l.fleet()) && !state.cluster().name().equals(l.cluster())) {
                // Another cluster entry of the fleet file that reaches this same API server wrote it (its target
                // still selects that entry), or an older fleetsync that named no cluster: not this cluster's
                // departure. Deleting would take another entry's objects; say so for the unnamed case only.
                if (l.cluster() == null) {
                    warnings.add(new PlanWarning.UnnamedParent(l.target()));
                }
                continue;
            }
            if (leaving != null && fleet.mayUse(l.fleet())) {
                // A cluster that every target left is most likely a label typo: the empty-target guard, per cluster.
                if (membership.selectedByNoTarget() && !options.allowEmpty()) {
                    warnings.add(new PlanWarning.SelectedByNoTarget(l.target()));
                    continue;
                }
                if (!leaving.target().prune()) {
                    warnings.add(new PlanWarning.DepartedWithoutPrune(l.target()));
                }
                sets.add(new TargetSet(set, l.record(), l.record(), leaving.reason()));
                targets.put(l.target(), leaving.target());
                uids.put(set.id(), l.uid());
            } else if (!membership.fleetTargets().contains(l.target()) && membership.orphansInScope()
                    && fleet.name() != null && fleet.wrote(l.fleet())) {
                // Only a named fleet can tell its own removed targets from another unnamed fleet's sets.
                var parentName = set.parentNamespace() + "/" + set.parentName();
                if (options.pruneOrphans()) {
                    orphans.add(new OrphanedSet(l.target(), parentName, OrphanedSet.Handling.PRUNED));
                    sets.add(new TargetSet(set, l.record(), l.record(), Departure.REMOVED_FROM_FLEET));
                    targets.put(l.target(), new Target(l.target(), new ClusterSelector(List.of(), Map.of()), null,
                            List.of(), true));
                    uids.put(set.id(), l.uid());
                } else {
                    orphans.add(new OrphanedSet(l.target(), parentName, OrphanedSet.Handling.KEPT));
                }
            }
            // Otherwise: another fleet's parent, or a target this run leaves out (--target): not ours to touch.
        }
        return new Departures(sets, targets, orphans, warnings, uids);
    }

    /**
     * Why the run must not touch this cluster: a placed target's parent was written by another fleet, so the two
     * fleets would prune each other's objects. Empty when every placed target may use its parent.
     */
    static Optional<String> collision(List<TargetSet> placed, FleetIdentity fleet) {
        return placed.stream().filter(ts -> ts.previous().exists() && !fleet.mayUse(ts.previous().fleet()))
                .findFirst()
                .map(ts -> "ApplySet parent " + ts.set().parentNamespace() + "/" + ts.set().parentName()
                        + " of target " + ts.set().target() + " belongs to " + FleetIdentity.describe(ts.previous().fleet())
                        + ", and this is " + (fleet.name() == null ? "an unnamed fleet" : "fleet '" + fleet.name() + "'")
                        + ": two fleets cannot use one target name on one cluster (rename the target); nothing was"
                        + " changed on this cluster");
    }

    @SuppressWarnings("unchecked")
    private static Optional<Listed> read(Map<String, Object> parent) {
        var meta = (Map<String, Object>) parent.getOrDefault("metadata", Map.of());
        var annotations = (Map<String, String>) meta.getOrDefault("annotations", Map.of());
        var labels = (Map<String, String>) meta.getOrDefault("labels", Map.of());
        var target = annotations.get(ApplySet.ANNOTATION_TARGET);
        if (!ApplySet.TOOLING.equals(annotations.get(ApplySet.ANNOTATION_TOOLING)) || target == null) {
            return Optional.empty();
        }
        // Only a parent exactly as fleetsync names it: a look-alike is never taken for one of ours.
        var expected = ApplySet.forTarget(target);
        if (!expected.parentName().equals(meta.get("name")) || !expected.id().equals(labels.get(ApplySet.LABEL_ID))) {
            return Optional.empty();
        }
        return Optional.of(new Listed(target, annotations.get(ApplySet.ANNOTATION_FLEET),
                annotations.get(ApplySet.ANNOTATION_CLUSTER), (String) meta.get("uid"), ParentRecord.read(parent)));
    }
}
