package io.fleetsync.run;

import io.fleetsync.report.RunReport;

/** How a run ended, as CI pipelines branch on it; the CLI maps each to its exit code. */
public enum Verdict {
    /** Every cluster ok; for a plan also "no changes" unless {@link ReconcileFlag#DETAILED_EXIT_CODE}. */
    OK,
    /** A plan found changes (only with {@link ReconcileFlag#DETAILED_EXIT_CODE}). */
    CHANGES,
    /** A status read found an owned object that is not Current (only for {@link Mode#STATUS}). */
    UNHEALTHY,
    /** At least one cluster failed or was only partly processed. */
    FAILED,
    /** The input or the options were invalid; no cluster was contacted. */
    INVALID,
    /** Asked to stop part-way (a signal); the report says what was and was not applied. */
    INTERRUPTED;

    /** The verdict of a finished run: a stop outranks failures, failures outrank changes. */
    public static Verdict of(RunReport report, ReconcileRequest request, boolean stopped) {
        if (stopped) {
            return INTERRUPTED;
        }
        if (report.anyFailed()) {
            return FAILED;
        }
        if (request.mode() == Mode.STATUS) {
            // Unhealthy outranks drift: the next apply fixes drift, an unhealthy object needs a person.
            return report.anyUnhealthy() ? UNHEALTHY : report.anyChanges() ? CHANGES : OK;
        }
        if (request.mode() == Mode.PLAN && request.has(ReconcileFlag.DETAILED_EXIT_CODE) && report.anyChanges()) {
            return CHANGES;
        }
        return OK;
    }
}
