package io.fleetsync.rollout;

/** Why a wave halted the rollout. */
public enum HaltReason {
    /** More of its clusters failed to apply than its failure budget allows. */
    BUDGET_EXCEEDED,
    /** Failed clusters plus clusters found unhealthy while soaking exceed the budget. */
    UNHEALTHY_DURING_SOAK,
    /**
     * None of its clusters had anything to change, but failed clusters plus clusters whose objects are unhealthy
     * (e.g. a canary the previous run left in ProgressDeadlineExceeded) exceed the budget.
     */
    UNHEALTHY_WITHOUT_CHANGES,
    /** Its applies took longer than its deadline. */
    DEADLINE_EXCEEDED,
    /** The run was asked to stop. */
    STOPPED
}
