package io.fleetsync.rollout;

/** Why a wave let the rollout go on. */
public enum PassReason {
    /** The wave got no cluster. */
    EMPTY,
    /** None of its clusters had anything to change: a no-op is not soaked. */
    NO_CHANGES,
    /** Within its failure budget, and it has no soak time. */
    WITHIN_BUDGET,
    /** Within its failure budget, and its changed clusters stayed healthy for the whole soak. */
    SOAKED
}
