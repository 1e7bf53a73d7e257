package io.fleetsync.cluster;

/** Whether a write is persisted or only checked by the server ({@code dryRun=All}: admission, validation, defaults). */
public enum WriteMode {
    PERSIST,
    DRY_RUN;

    /** {@link #DRY_RUN} when {@code dryRun}, else {@link #PERSIST}: the bridge from a run's option. */
    public static WriteMode dryRunIf(boolean dryRun) {
        return dryRun ? DRY_RUN : PERSIST;
    }

    public boolean dryRun() {
        return this == DRY_RUN;
    }
}
