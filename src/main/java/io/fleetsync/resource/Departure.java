package io.fleetsync.resource;

/**
 * Why a whole ApplySet of this fleet is being emptied on a cluster: the set's target no longer places anything
 * there. Reports turn it into words ({@code no longer selected by target web}) and JSON into a stable code.
 */
public enum Departure {
    /** The target is still in the fleet file, but its selector no longer picks this cluster. */
    NO_LONGER_SELECTED,
    /** The target was removed from the fleet file: its parent on the cluster is an orphan. */
    REMOVED_FROM_FLEET;

    /** Stable, dash-separated code used in JSON. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
