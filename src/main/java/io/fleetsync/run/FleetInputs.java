package io.fleetsync.run;

import io.fleetsync.fleet.FleetLoader;
import io.fleetsync.input.InputException;
import io.fleetsync.manifest.ClusterState;
import io.fleetsync.manifest.DesiredFleet;
import io.fleetsync.manifest.DesiredStateLoader;
import java.util.Set;

/** Reads the fleet file and renders the desired state of the selected clusters and targets; shared with validate. */
public final class FleetInputs {
    private final FleetLoader fleets;
    private final DesiredStateLoader loader;

    public FleetInputs(FleetLoader fleets, DesiredStateLoader loader) {
        this.fleets = fleets;
        this.loader = loader;
    }

    /** The loaders of the user running fleetsync (their environment, home and kubeconfigs). */
    public static FleetInputs forCurrentUser() {
        return new FleetInputs(FleetLoader.forCurrentUser(), new DesiredStateLoader());
    }

    /**
     * Loads every target, even with a target filter: the whole fleet is validated, and objects the other targets
     * render are known, so pruning the selected ones never deletes what moved to another target.
     */
    public DesiredFleet load(FleetInput input) throws InputException {
        var fleet = fleets.load(input.fleetFile());
        if (input.targets().isEmpty()) {
            return loader.load(fleet, input.clusters(), Set.of());
        }
        // The loader's own check, so a misspelt --target reads the same as any other unknown target.
        DesiredStateLoader.requireTargets(fleet, input.targets());
        return onlyTargets(loader.load(fleet, input.clusters(), Set.of()), input.targets());
    }

    /** The clusters that still have work once only these targets are kept. */
    static DesiredFleet onlyTargets(DesiredFleet all, Set<String> targets) {
        var states = all.clusters().stream().map(c -> c.onlyTargets(targets)).filter(ClusterState::hasWork).toList();
        return new DesiredFleet(all.fleet(), states);
    }
}
