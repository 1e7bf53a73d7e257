package io.fleetsync.rollout;

/** Why a soak check found a cluster unhealthy. */
public enum SoakProblem {
    /** An object the wave applied is gone. */
    GONE,
    /** An object the wave applied is being deleted. */
    TERMINATING,
    /** An object the wave applied is Failed by its health rules (kstatus, or the fleet file's {@code health:}). */
    FAILED,
    /** The cluster could not be asked. */
    UNREACHABLE
}
