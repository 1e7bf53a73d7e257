package io.fleetsync.health;

/** How a wait for health ended. */
public enum WaitEnd {
    /** Every waited object is Current. */
    CURRENT,
    /** An object is Failed: waiting longer would not help. */
    FAILED,
    /** The wait timeout (or the cluster's deadline) passed first. */
    TIMED_OUT,
    /** The run was stopped (SIGINT/SIGTERM) during the wait. */
    STOPPED,
    /** Read once by {@code fleetsync status}, without waiting: the objects' health is what it was at that moment. */
    READ;

    /** Whether the cluster may stay ok. */
    public boolean healthy() {
        return this == CURRENT;
    }
}
