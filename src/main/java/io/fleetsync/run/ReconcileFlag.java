package io.fleetsync.run;

/** The switches of a run beyond its mode, each named (a set of these replaces positional booleans). */
public enum ReconcileFlag {
    /** Apply: send every write as a server-side dry run only. */
    DRY_RUN,
    /** Apply: delete and recreate objects whose immutable fields changed. */
    FORCE_REPLACE,
    /** Apply: wait for a pending deletion of an object or its namespace, then create it. */
    WAIT_FOR_DELETION,
    /** Apply: after each cluster's apply, wait until what it changed is healthy ({@code --wait}). */
    WAIT_FOR_HEALTH,
    /** Plan: a plan with changes is its own verdict ({@link Verdict#CHANGES}). */
    DETAILED_EXIT_CODE
}
