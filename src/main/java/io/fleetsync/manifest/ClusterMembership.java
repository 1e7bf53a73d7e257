package io.fleetsync.manifest;

import io.fleetsync.fleet.FleetIdentity;
import java.util.List;
import java.util.Set;

/**
 * What the fleet file says about the ApplySets on one cluster beyond the targets placed there: which fleet writes
 * them, which targets exist at all, and which of them left this cluster.
 *
 * @param fleetTargets every target name in the fleet file: a parent of this fleet for another name is an orphan
 * @param orphansInScope false when {@code --target} narrows the run: then only the named targets are touched
 * @param selectedByNoTarget no target of the fleet file selects this cluster (whatever {@code --target} says):
 *     emptying it wholesale is held back unless {@code --allow-empty}, like a target that renders nothing
 */
public record ClusterMembership(FleetIdentity fleet, Set<String> fleetTargets, List<DepartedTarget> departed,
                                boolean orphansInScope, boolean selectedByNoTarget) {
    public ClusterMembership {
        fleetTargets = Set.copyOf(fleetTargets);
        departed = List.copyOf(departed);
    }

    /** No departures and no orphan search: what a hand-built state (tests, one target) means. */
    public static ClusterMembership none() {
        return new ClusterMembership(FleetIdentity.UNNAMED, Set.of(), List.of(), false, false);
    }

    /** Whether the planner must list the cluster's parents at all. */
    public boolean needsParentList() {
        return orphansInScope || !departed.isEmpty();
    }

    /** Keeps departures of the named targets only, and no orphan search ({@code --target}). */
    ClusterMembership onlyTargets(Set<String> names) {
        return new ClusterMembership(fleet, fleetTargets,
                departed.stream().filter(d -> names.contains(d.target().name())).toList(), false, selectedByNoTarget);
    }
}
