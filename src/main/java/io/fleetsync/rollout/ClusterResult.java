package io.fleetsync.rollout;

/** What one cluster's apply means for its wave's gate. */
public enum ClusterResult {
    /** Applied fully, and something changed: the cluster soaks. */
    CHANGED,
    /** Applied fully with nothing to change: nothing to soak. */
    UNCHANGED,
    /**
     * Not fully applied: failed, or partial because some objects were rejected. Counts against the budget, since
     * a cluster left half on the new version is as much a sign of a bad change as one left on the old.
     */
    FAILED
}
