package io.fleetsync.run;

import io.fleetsync.cluster.ClientSettings;
import io.fleetsync.ops.Shard;
import io.fleetsync.plan.PlanOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Requests as the CLI builds them, for the service's tests. */
final class Requests {
    private Requests() {
    }

    static ReconcileRequest of(Mode mode, Set<ReconcileFlag> flags) {
        return of(mode, flags, new FleetInput(Path.of("fleet.yaml"), Set.of(), Set.of()), Optional.empty());
    }

    static ReconcileRequest of(Mode mode, Set<ReconcileFlag> flags, FleetInput input, Optional<Shard> shard) {
        return new ReconcileRequest(mode, flags, input, shard, PlanOptions.defaults(), ClientSettings.defaults(), 16,
                Duration.ofMinutes(5), null);
    }
}
