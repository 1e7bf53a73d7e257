package io.fleetsync.plan;

import io.fleetsync.resource.ApplySet;
import io.fleetsync.resource.Departure;
import java.util.Objects;

/**
 * One target's ApplySet on one cluster.
 *
 * @param previous what the parent recorded before this run
 * @param desired the group-kinds and namespaces of what the target renders now
 * @param departure null for a target this run places on the cluster; otherwise why the whole set is emptied (its
 *     parent is never rewritten, and deleted only once nothing of the set remains)
 */
public record TargetSet(ApplySet set, ParentRecord previous, ParentRecord desired, Departure departure) {

    public TargetSet(ApplySet set, ParentRecord previous, ParentRecord desired) {
        this(set, previous, desired, null);
    }

    /**
     * An existing parent of a placed target that does not carry this fleet's and this cluster's names yet (written
     * by an older fleetsync, or by another cluster entry of the fleet that reaches the same API server): apply
     * writes them.
     */
    public boolean needsIdentity() {
        return departure == null && previous.exists() && (!Objects.equals(previous.fleet(), set.fleet())
                || (set.cluster() != null && !set.cluster().equals(previous.cluster())));
    }
}
