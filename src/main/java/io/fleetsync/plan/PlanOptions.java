package io.fleetsync.plan;

/**
 * Choices that change what a plan proposes.
 *
 * @param adopt take over existing objects fleetsync does not own for the target
 * @param forceConflicts take fields owned by other appliers
 * @param allowEmpty prune even when a target renders no objects
 * @param maxDeletions hold back a cluster's deletes when there are more than this; null for no limit
 * @param diff attach unified diffs to changes
 */
public record PlanOptions(boolean adopt, boolean forceConflicts, boolean allowEmpty, Integer maxDeletions, boolean diff) {
    public static PlanOptions defaults() {
        return new PlanOptions(false, false, false, null, false);
    }
}
