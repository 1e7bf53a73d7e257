package io.fleetsync.diff;

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
 * @param note a short human explanation (for example why adoption is needed), or null
 */
public record Change(ResourceKey key, String target, Action action, List<String> changedPaths,
                     List<String> conflicts, String diff, String note) {
    public Change {
        changedPaths = List.copyOf(changedPaths);
        conflicts = List.copyOf(conflicts);
    }

    public static Change of(ResourceKey key, String target, Action action) {
        return new Change(key, target, action, List.of(), List.of(), null, null);
    }
}
