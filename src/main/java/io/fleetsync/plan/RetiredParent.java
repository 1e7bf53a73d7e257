package io.fleetsync.plan;

import io.fleetsync.resource.ApplySet;

/**
 * The parent of a departed or orphaned set whose every member this plan deletes: apply deletes it too after a
 * clean run (uid precondition), so the cluster keeps no record of a set that owns nothing.
 */
public record RetiredParent(ApplySet set, String uid) {
}
