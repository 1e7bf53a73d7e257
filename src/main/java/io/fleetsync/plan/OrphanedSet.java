package io.fleetsync.plan;

/**
 * An ApplySet parent on a cluster that this fleet wrote for a target the fleet file no longer has.
 *
 * @param parent {@code namespace/name} of the parent ConfigMap
 * @param handling whether this run deletes the set's objects ({@code --prune-orphans}) or leaves them
 */
public record OrphanedSet(String target, String parent, Handling handling) {

    /** What this run does with an orphaned set. */
    public enum Handling {
        /** Reported only: its objects stay ({@code --prune-orphans} deletes them). */
        KEPT,
        /** Its objects are planned for deletion, through every prune guard, and then its parent. */
        PRUNED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
