package io.fleetsync.plan;

import io.fleetsync.cluster.ApiException;
import io.fleetsync.diff.ConflictPath;
import io.fleetsync.diff.FieldManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What to do about each field of a 409 from a dry-run apply, decided from values: the server's causes, the applied
 * manifest and the live object.
 *
 * <ul>
 *   <li>{@link Resolution#REVERT_EDIT}: the field's manager edited it (operation Update: {@code kubectl edit},
 *       {@code set image}, {@code patch}, {@code label}, {@code scale} through the scale subresource). That is drift
 *       on a field fleetsync applies: apply takes it back.
 *   <li>{@link Resolution#TAKE_OVER}: while adopting, the field holds the value the manifest sets (maybe in another
 *       spelling, {@code 1000m} for {@code 1}); another tool set it first. Taking it over changes nothing.
 *   <li>{@link Resolution#REPORT}: another applier (operation Apply) holds the field at another value: a real
 *       conflict, reported and taken only with {@code --force-conflicts}.
 * </ul>
 */
record FieldConflicts(List<FieldConflict> fields) {
    /** What a plan does with one conflicting field. */
    enum Resolution {
        REVERT_EDIT,
        TAKE_OVER,
        REPORT
    }

    /**
     * @param path the field in {@code FieldDiff} syntax
     * @param manager who holds it, or null when the server's message did not say
     * @param message the server's words, for the report
     */
    record FieldConflict(String path, FieldManager manager, String message, Resolution resolution) {
    }

    FieldConflicts {
        fields = List.copyOf(fields);
    }

    static FieldConflicts of(List<ApiException.Cause> causes, Map<String, Object> applied, Map<String, Object> live,
                             boolean adopting) {
        var out = new ArrayList<FieldConflict>();
        for (var c : causes) {
            var manager = FieldManager.fromConflict(c.message()).orElse(null);
            Resolution resolution;
            if (adopting && ConflictPath.sameValue(c.field(), applied, live)) {
                resolution = Resolution.TAKE_OVER;
            } else if (manager != null && manager.edits()) {
                resolution = Resolution.REVERT_EDIT;
            } else {
                resolution = Resolution.REPORT;
            }
            out.add(new FieldConflict(ConflictPath.of(c.field(), applied), manager, c.message(), resolution));
        }
        return new FieldConflicts(out);
    }

    /** True when no field needs {@code --force-conflicts}: every one is drift to revert or a same-value takeover. */
    boolean resolvable() {
        return fields.stream().noneMatch(f -> f.resolution() == Resolution.REPORT);
    }

    List<String> paths() {
        return fields.stream().map(FieldConflict::path).distinct().toList();
    }

    /** The real conflicts as {@code path: message}, as the report lists them. */
    List<String> reported() {
        return fields.stream().filter(f -> f.resolution() == Resolution.REPORT)
                .map(f -> f.path() + ": " + f.message()).toList();
    }

    /** Managers whose fields get the given resolution, as reports name them ({@code kubectl (scale)}). */
    List<String> managers(Resolution resolution) {
        var out = new LinkedHashSet<String>();
        fields.stream().filter(f -> f.resolution() == resolution && f.manager() != null)
                .forEach(f -> out.add(f.manager().label()));
        return List.copyOf(out);
    }

    boolean any(Resolution resolution) {
        return fields.stream().anyMatch(f -> f.resolution() == resolution);
    }
}
