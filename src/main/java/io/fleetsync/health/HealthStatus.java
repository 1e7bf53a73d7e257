package io.fleetsync.health;

/** kstatus' status of one object: whether the cluster has caught up with what was applied. */
public enum HealthStatus {
    /** The controllers have acted on the applied generation and the object is what it should be. */
    CURRENT,
    /** Not there yet: the change is still being acted on. */
    IN_PROGRESS,
    /** It will not get there by itself (a deadline exceeded, a failed Job, a crash loop, a Stalled condition). */
    FAILED,
    /** Being deleted. */
    TERMINATING,
    /** Not on the cluster. */
    NOT_FOUND,
    /** Its health could not be told (the object could not be read). */
    UNKNOWN;

    /** Whether waiting longer could change this status. */
    public boolean settled() {
        return this == CURRENT || this == FAILED;
    }
}
