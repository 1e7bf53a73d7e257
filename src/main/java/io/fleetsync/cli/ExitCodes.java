package io.fleetsync.cli;

import io.fleetsync.run.Verdict;

/** fleetsync's exit codes; CI pipelines branch on them. */
public final class ExitCodes {
    /** Success; for plan also "no changes" unless {@code --detailed-exitcode}. */
    public static final int OK = 0;
    /** At least one cluster failed or was only partly processed. */
    public static final int FAILED = 1;
    /** Plan found changes (only with {@code --detailed-exitcode}). */
    public static final int CHANGES = 2;
    /** {@code fleetsync status}: an owned object is not Current (with or without drift). */
    public static final int UNHEALTHY = 3;
    /** Invalid input or usage; no cluster was contacted. */
    public static final int INVALID = 64;
    /** Interrupted by SIGINT/SIGTERM (128 + SIGINT), after reporting what was and was not applied. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /** The exit code of a verdict of the reconcile service. */
    public static int of(Verdict verdict) {
        return switch (verdict) {
            case OK -> OK;
            case CHANGES -> CHANGES;
            case UNHEALTHY -> UNHEALTHY;
            case FAILED -> FAILED;
            case INVALID -> INVALID;
            case INTERRUPTED -> INTERRUPTED;
        };
    }
}
