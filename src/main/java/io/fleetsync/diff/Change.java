package io.fleetsync.diff;

import io.fleetsync.resource.Departure;
import io.fleetsync.resource.ResourceKey;
import java.util.List;

/**
 * The planned action for one object, with the evidence a reviewer needs.
 *
 * @param changedPaths field paths that differ (e.g. {@code spec.template.spec.containers[name=app].image}); for
 *     REPLACE the immutable ones
 * @param conflicts fields another applier holds at another value, as {@code path: server message}; the
 *     apply fails for this object unless conflicts are forced
 * @param diff unified YAML diff with Secret values masked, or null when not requested
 * @param note why the change looks the way it does (for example why adoption is needed), as a value the report
 *     words; or null
 * @param departure for a delete of a whole set being emptied, why (the target left the cluster or the fleet);
 *     null for every other change
 * @param heldBack why apply will not carry the change out as planned (a prune guard, a deletion in progress), or
 *     null
 */
public record Change(ResourceKey key, String target, Action action, List<String> changedPaths,
                     List<String> conflicts, String diff, ChangeNote note, Departure departure, HoldBack heldBack) {
    public Change {
        changedPaths = List.copyOf(changedPaths);
        conflicts = List.copyOf(conflicts);
    }

    public Change(ResourceKey key, String target, Action action, List<String> changedPaths, List<String> conflicts,
                  String diff, ChangeNote note) {
        this(key, target, action, changedPaths, conflicts, diff, note, null, null);
    }

    /** This change, held back (or blocked) for {@code why}. */
    public Change withHeldBack(HoldBack why) {
        return new Change(key, target, action, changedPaths, conflicts, diff, note, departure, why);
    }

    /** A delete that a guard holds back: shown in the plan, not attempted, not an error. */
    public boolean isHeldBackDelete() {
        return action == Action.DELETE && heldBack != null;
    }

    public static Change of(ResourceKey key, String target, Action action) {
        return new Change(key, target, action, List.of(), List.of(), null, null);
    }
}
