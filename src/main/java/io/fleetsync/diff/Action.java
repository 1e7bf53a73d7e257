package io.fleetsync.diff;

/** What a plan does with one object. */
public enum Action {
    CREATE,
    UPDATE,
    /** An immutable field changed: the object must be deleted and recreated ({@code --force-replace}). */
    REPLACE,
    DELETE,
    /** The object exists but fleetsync does not own it for this target ({@code --adopt} takes it over). */
    ADOPT_NEEDED,
    UNCHANGED;

    /** Lower-case, dash-separated name used in every output format. */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }

    public boolean isChange() {
        return this != UNCHANGED;
    }
}
