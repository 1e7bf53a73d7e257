package io.fleetsync.diff;

import io.fleetsync.resource.Departure;
import io.fleetsync.resource.ResourceKey;
import java.util.List;

/**
 * The planned action for one object, with the evidence a reviewer needs.
 *
 * @param changedPaths field paths that differ (e.g. {@code spec.template.spec.containers[name=app].image}); for
 *     REPLACE the immutable ones
 * @param conflicts other field managers that own fields this change would set, as {@code manager: path}; the
 *     apply fails for this object unless conflicts are forced
 * @param diff unified YAML diff with Secret values masked, or null when not requested
 * @param note a short human explanation (for example why adoption is needed), or null
 * @param departure for a delete of a whole set being emptied, why (the target left the cluster or the fleet);
 *     null for every other change
 */
public record Change(ResourceKey key, String target, Action action, List<String> changedPaths,
                     List<String> conflicts, String diff, String note, Departure departure) {
    public Change {
        changedPaths = List.copyOf(changedPaths);
        conflicts = List.copyOf(conflicts);
    }

    public Change(ResourceKey key, String target, Action action, List<String> changedPaths, List<String> conflicts,
                  String diff, String note) {
        this(key, target, action, changedPaths, conflicts, diff, note, null);
    }

    public static Change of(ResourceKey key, String target, Action action) {
        return new Change(key, target, action, List.of(), List.of(), null, null);
    }
}
