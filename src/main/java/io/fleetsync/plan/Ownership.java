package io.fleetsync.plan;

import io.fleetsync.diff.ChangeNote;
import io.fleetsync.resource.ApplySet;
import io.fleetsync.resource.ObjectView;
import java.util.Map;

/** Who owns a live object, seen from the target that wants to apply it: read from its ApplySet member label. */
sealed interface Ownership {

    /** A member of this target's own ApplySet. */
    record Ours() implements Ownership {
    }

    /** No ApplySet label: created by kubectl, Helm, Argo CD, a controller or by hand. */
    record Unmanaged() implements Ownership {
    }

    /** A member of another fleetsync target's set on this cluster. */
    record OtherTarget(String target) implements Ownership {
    }

    /** A member of an ApplySet fleetsync does not know (another tool's, or a fleet's that left). */
    record OtherApplySet(String setId) implements Ownership {
    }

    /** The ownership of {@code live} for the set {@code setId}; {@code setTargets} maps the plan's set ids to targets. */
    static Ownership of(Map<String, Object> live, String setId, Map<String, String> setTargets) {
        var partOf = ObjectView.of(live).label(ApplySet.LABEL_PART_OF);
        if (partOf == null) {
            return new Unmanaged();
        }
        if (partOf.equals(setId)) {
            return new Ours();
        }
        var other = setTargets.get(partOf);
        return other != null ? new OtherTarget(other) : new OtherApplySet(partOf);
    }

    default boolean foreign() {
        return !(this instanceof Ours);
    }

    /** Who owns it, for the plan's note (the report words it); null when it is ours. */
    default ChangeNote.Owner owner() {
        return switch (this) {
            case Ours o -> null;
            case Unmanaged u -> new ChangeNote.Owner.Unmanaged();
            case OtherTarget t -> new ChangeNote.Owner.OtherTarget(t.target());
            case OtherApplySet s -> new ChangeNote.Owner.OtherApplySet(s.setId());
        };
    }
}
