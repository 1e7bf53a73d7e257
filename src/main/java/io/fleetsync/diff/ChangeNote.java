package io.fleetsync.diff;

import java.util.List;
import java.util.Locale;

/**
 * Why a planned change looks the way it does, as a value: the planner decides which note applies and with what data
 * (the owner, the managers whose fields are taken); the report renderers turn it into words and name the flag that
 * would change the decision. JSON carries {@link #code()} next to those words.
 */
public sealed interface ChangeNote {

    /** Stable lower-case, dash-separated code used in JSON. */
    Code code();

    /** The codes JSON carries; {@link Code#label()} is the JSON value. */
    enum Code {
        /** The object exists and another owner holds it: apply skips it unless {@code --adopt}. */
        NOT_OWNED,
        /** Other field managers hold fields at other values: apply fails it unless {@code --force-conflicts}. */
        FIELD_CONFLICTS,
        /** An immutable field changed: apply fails it unless {@code --force-replace}. */
        IMMUTABLE_FIELD,
        /** The apply takes fields from others: adopting the object, reverting edits, or same-value takeovers. */
        TAKES_FIELDS,
        /** Restart-on-change restarted this workload because its ConfigMaps or Secrets changed. */
        ROLLOUT_RESTART,
        /** A note written as words where it was made; no more specific code. */
        TEXT;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Who holds an object fleetsync wants to apply, seen from the target that wants it. */
    sealed interface Owner {
        /** No ApplySet label: created by kubectl, Helm, Argo CD, a controller or by hand. */
        record Unmanaged() implements Owner {
        }

        /** A member of another fleetsync target's set on this cluster. */
        record OtherTarget(String target) implements Owner {
        }

        /** A member of an ApplySet fleetsync does not know. */
        record OtherApplySet(String setId) implements Owner {
        }
    }

    /** The object is held by {@code owner}; {@code --adopt} would take it over. */
    record NotOwned(Owner owner) implements ChangeNote {
        public Code code() {
            return Code.NOT_OWNED;
        }
    }

    /** Fields other managers hold at other values; {@code --force-conflicts} would take them. */
    record FieldConflicts() implements ChangeNote {
        public Code code() {
            return Code.FIELD_CONFLICTS;
        }
    }

    /** An immutable field changed; {@code --force-replace} would delete and recreate the object. */
    record ImmutableField() implements ChangeNote {
        public Code code() {
            return Code.IMMUTABLE_FIELD;
        }
    }

    /**
     * The apply takes fields from others.
     *
     * @param adoptedFrom the owner the object is adopted from, or null when it is already ours
     * @param revertsEditsBy managers whose edits to fleetsync's fields are reverted
     * @param sameValuesFrom managers that set fields to the same values and lose them
     */
    record TakesFields(Owner adoptedFrom, List<String> revertsEditsBy, List<String> sameValuesFrom)
            implements ChangeNote {
        public TakesFields {
            revertsEditsBy = List.copyOf(revertsEditsBy);
            sameValuesFrom = List.copyOf(sameValuesFrom);
        }

        /** Adopting from {@code owner}, taking no field from another manager. */
        public static TakesFields adopting(Owner owner) {
            return new TakesFields(owner, List.of(), List.of());
        }

        public Code code() {
            return Code.TAKES_FIELDS;
        }
    }

    /** Restart-on-change restarts a workload because {@code configs} ({@code Kind/name}) changed. */
    record RolloutRestart(List<String> configs) implements ChangeNote {
        public RolloutRestart {
            configs = List.copyOf(configs);
        }

        public Code code() {
            return Code.ROLLOUT_RESTART;
        }
    }

    /** A note already in words, for notes made outside the planner's decisions. */
    record Text(String text) implements ChangeNote {
        public Code code() {
            return Code.TEXT;
        }
    }

    /** {@code text} as a note, or null for none. */
    static ChangeNote text(String text) {
        return text == null ? null : new Text(text);
    }
}
