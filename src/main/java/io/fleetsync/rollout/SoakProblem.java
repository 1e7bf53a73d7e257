package io.fleetsync.rollout;

/** Why a soak check found a cluster unhealthy. */
public enum SoakProblem {
    /** An object the wave applied is gone. */
    GONE,
    /** An object the wave applied is being deleted. */
    TERMINATING,
    /** The cluster could not be asked. */
    UNREACHABLE
}
