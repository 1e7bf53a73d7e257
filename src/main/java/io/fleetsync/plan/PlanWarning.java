package io.fleetsync.plan;

import java.util.Locale;

/**
 * Something about a cluster's plan the user must know that is not an error (why pruning was skipped, why a departed
 * target's objects are kept), as a value: the planner picks it and its data; the report renderers turn it into words
 * and the flag that would change it. JSON carries {@link #code()} next to those words.
 */
public sealed interface PlanWarning {

    Code code();

    /** The codes JSON carries; {@link Code#label()} is the JSON value. */
    enum Code {
        EMPTY_TARGET,
        INVENTORY_INCOMPLETE,
        MAX_DELETIONS,
        UNNAMED_PARENT,
        SELECTED_BY_NO_TARGET,
        DEPARTED_WITHOUT_PRUNE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** {@code target} renders no objects here and {@code --allow-empty} was not given: its prune is skipped. */
    record EmptyTarget(String target) implements PlanWarning {
        public Code code() {
            return Code.EMPTY_TARGET;
        }
    }

    /** A list failed on this cluster, so every delete is held back. */
    record InventoryIncomplete() implements PlanWarning {
        public Code code() {
            return Code.INVENTORY_INCOMPLETE;
        }
    }

    /** {@code deletes} deletions exceed {@code --max-deletions} {@code limit}: every delete is held back. */
    record MaxDeletions(long deletes, int limit) implements PlanWarning {
        public Code code() {
            return Code.MAX_DELETIONS;
        }
    }

    /**
     * {@code target} left this cluster, but its ApplySet parent names no cluster (an older fleetsync wrote it), so
     * another cluster entry reaching the same API server may own it: its objects are kept.
     */
    record UnnamedParent(String target) implements PlanWarning {
        public Code code() {
            return Code.UNNAMED_PARENT;
        }
    }

    /** No target selects this cluster any more (likely a label typo): what {@code target} left is kept. */
    record SelectedByNoTarget(String target) implements PlanWarning {
        public Code code() {
            return Code.SELECTED_BY_NO_TARGET;
        }
    }

    /** {@code target} no longer selects this cluster but has {@code prune: false}: its objects are kept. */
    record DepartedWithoutPrune(String target) implements PlanWarning {
        public Code code() {
            return Code.DEPARTED_WITHOUT_PRUNE;
        }
    }
}
