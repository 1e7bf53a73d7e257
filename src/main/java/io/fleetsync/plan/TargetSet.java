package io.fleetsync.plan;

import io.fleetsync.resource.ApplySet;

/**
 * One target's ApplySet on one cluster.
 *
 * @param previous what the parent recorded before this run
 * @param desired the group-kinds and namespaces of what the target renders now
 */
public record TargetSet(ApplySet set, ParentRecord previous, ParentRecord desired) {
}
