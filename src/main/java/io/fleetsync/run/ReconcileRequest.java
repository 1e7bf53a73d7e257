package io.fleetsync.run;

import io.fleetsync.apply.ApplyOptions;
import io.fleetsync.cluster.ClientSettings;
import io.fleetsync.ops.Shard;
import io.fleetsync.plan.PlanOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * One plan or apply as the reconcile service takes it: what to read, which part of the fleet, and how to run.
 *
 * @param flags the switches that are on; every other one is off
 * @param shard the shard this run owns, already chosen (option or Indexed Job environment); empty: the whole fleet
 * @param concurrency clusters in flight at once
 * @param clusterTimeout deadline of one cluster's whole pipeline
 * @param waitTimeout how long {@link ReconcileFlag#WAIT_FOR_HEALTH} waits for an object (a target's own wins)
 */
public record ReconcileRequest(Mode mode, Set<ReconcileFlag> flags, FleetInput input, Optional<Shard> shard,
                               PlanOptions plan, ClientSettings client, int concurrency, Duration clusterTimeout,
                               Duration waitTimeout) {
    /** How long apply waits for a CRD to be established (no flag sets it). */
    static final Duration CRD_WAIT = Duration.ofSeconds(60);

    public ReconcileRequest {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        waitTimeout = waitTimeout == null ? io.fleetsync.health.WaitSettings.DEFAULT_TIMEOUT : waitTimeout;
    }

    public boolean has(ReconcileFlag flag) {
        return flags.contains(flag);
    }

    /** The runner's settings for this request. */
    RunOptions runOptions(io.fleetsync.fleet.Fleet fleet) {
        if (mode == Mode.STATUS) {
            var o = runOptions();
            return new RunOptions(false, o.plan(), o.write(), o.client(), o.concurrency(), o.clusterTimeout(),
                    o.health(), StatusRead.with(fleet.health()));
        }
        return WaitRun.with(runOptions(), has(ReconcileFlag.WAIT_FOR_HEALTH), waitTimeout, fleet);
    }

    /** The runner's settings before {@code --wait} adds the fleet file's wait timeouts and health rules. */
    RunOptions runOptions() {
        var write = new ApplyOptions(has(ReconcileFlag.DRY_RUN), has(ReconcileFlag.FORCE_REPLACE), CRD_WAIT,
                has(ReconcileFlag.WAIT_FOR_DELETION), null);
        return new RunOptions(mode == Mode.APPLY, plan, write, client, concurrency, clusterTimeout);
    }
}
