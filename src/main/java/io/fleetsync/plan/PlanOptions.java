package io.fleetsync.plan;

/**
 * Choices that change what a plan proposes.
 *
 * @param adopt take over existing objects fleetsync does not own for the target
 * @param forceConflicts take fields owned by other appliers
 * @param allowEmpty prune even when a target renders no objects
 * @param maxDeletions hold back a cluster's deletes when there are more than this; null for no limit
 * @param diff attach unified diffs to changes
 * @param pruneOrphans delete the objects and parents of this fleet's ApplySets whose target left the fleet file
 */
public record PlanOptions(boolean adopt, boolean forceConflicts, boolean allowEmpty, Integer maxDeletions, boolean diff,
                          boolean pruneOrphans) {
    public PlanOptions(boolean adopt, boolean forceConflicts, boolean allowEmpty, Integer maxDeletions, boolean diff) {
        this(adopt, forceConflicts, allowEmpty, maxDeletions, diff, false);
    }

    public static PlanOptions defaults() {
        return new PlanOptions(false, false, false, null, false, false);
    }
}
