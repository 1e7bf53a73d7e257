package io.fleetsync.cluster;

/**
 * How one server-side apply is sent: persisted or dry run, and whether fields other managers own are taken
 * ({@code force=true}) or the conflict is returned.
 */
public record ApplyMode(WriteMode write, Conflicts conflicts) {

    /** What the server does with a field another manager owns with a different value. */
    public enum Conflicts {
        /** Answer 409 with the conflicting fields as causes. */
        REFUSE,
        /** Take the fields over. */
        FORCE
    }

    /** The planner's question: what would this apply change? */
    public static final ApplyMode DRY_RUN = new ApplyMode(WriteMode.DRY_RUN, Conflicts.REFUSE);

    public static ApplyMode of(WriteMode write) {
        return new ApplyMode(write, Conflicts.REFUSE);
    }

    /** This mode taking conflicting fields over. */
    public ApplyMode forced() {
        return new ApplyMode(write, Conflicts.FORCE);
    }

    /** This mode, forced when {@code force}. */
    public ApplyMode forcedIf(boolean force) {
        return force ? forced() : this;
    }

    public boolean force() {
        return conflicts == Conflicts.FORCE;
    }
}
