package io.fleetsync.plan;

import io.fleetsync.cluster.ApplyMode;
import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ApiResource;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.diff.ConflictPath;
import io.fleetsync.diff.FieldDiff;
import io.fleetsync.diff.ManagedFields;
import io.fleetsync.manifest.DesiredObject;
import java.util.List;
import java.util.Map;

/**
 * Decides what happens to one desired object. Cheap first: when the fields fleetsync owns on the live object
 * already equal the manifest, the object is unchanged without any request. Otherwise the server computes the result
 * of the apply as a dry run, and only a difference in that result is a change — so server defaults, normalisation
 * and fields other managers own never show up as changes.
 */
final class ObjectPlanner {
    private final ObjectStore api;
    private final OwnedFieldsCheck ownedFields;
    private final PlanOptions options;
    private final ObjectDiffer differ;

    ObjectPlanner(ObjectStore api, ManagedFields managedFields, PlanOptions options, ObjectDiffer differ) {
        this.api = api;
        this.ownedFields = new OwnedFieldsCheck(managedFields);
        this.options = options;
        this.differ = differ;
    }

    /**
     * @param foreignOwner null when fleetsync owns the live object for this target; otherwise who does (for the note)
     */
    PlannedObject plan(DesiredObject desired, ApiResource resource, Map<String, Object> applyBody,
                       Map<String, Object> live, String foreignOwner) {
        var key = desired.key();
        if (live == null) {
            return planned(change(desired, Action.CREATE, List.of(), List.of(), diff(desired, null, applyBody), null),
                    resource, applyBody, null, false);
        }
        if (foreignOwner != null && !options.adopt()) {
            var note = foreignOwner + "; rerun with --adopt to take it over";
            return planned(change(desired, Action.ADOPT_NEEDED, List.of(), List.of(), null, note), resource,
                    applyBody, live, false);
        }
        if (foreignOwner == null) {
            var differences = ownedFields.differences(applyBody, live, ObjectStore.FIELD_MANAGER);
            if (differences.isPresent() && differences.get().isEmpty()) {
                return planned(Change.of(key, desired.target(), Action.UNCHANGED), resource, applyBody, live, false);
            }
        }
        var path = resource.objectPath(key.namespace(), key.name());
        var body = applyBody;
        Map<String, Object> result;
        boolean force = false;
        String note = foreignOwner == null ? null : "adopts: " + foreignOwner;
        try {
            result = api.apply(path, applyBody, ApplyMode.DRY_RUN);
        } catch (ApiException e) {
            if (e.isConflict() && !e.causes().isEmpty()) {
                var conflicts = FieldConflicts.of(e.causes(), applyBody, live, foreignOwner != null);
                if (!conflicts.resolvable() && !options.forceConflicts()) {
                    return planned(change(desired, Action.UPDATE, conflicts.paths(), conflicts.reported(), null,
                            "conflicts with other field managers; rerun with --force-conflicts to take the fields"),
                            resource, applyBody, live, false);
                }
                force = true;
                if (conflicts.any(FieldConflicts.Resolution.REVERT_EDIT)) {
                    note = join(note, "reverts changes made by "
                            + String.join(", ", conflicts.managers(FieldConflicts.Resolution.REVERT_EDIT)));
                }
                if (conflicts.any(FieldConflicts.Resolution.TAKE_OVER)) {
                    note = join(note, "takes over fields set to the same values by "
                            + String.join(", ", conflicts.managers(FieldConflicts.Resolution.TAKE_OVER)));
                    if (!options.forceConflicts()) {
                        // Forced only because the values were equal in this live object: apply must not force
                        // onto a version someone changed since (the server refuses a stale resourceVersion).
                        body = ObjectContent.pinnedTo(applyBody, live);
                    }
                }
                result = api.apply(path, body, ApplyMode.DRY_RUN.forced());
            } else if (isImmutable(e)) {
                var paths = e.causes().stream().filter(c -> mentionsImmutable(c.message()))
                        .map(c -> ConflictPath.of(c.field(), applyBody)).distinct().toList();
                return planned(change(desired, Action.REPLACE, paths.isEmpty() ? List.of("(immutable field)") : paths,
                        List.of(), diff(desired, live, applyBody),
                        "an immutable field changed; rerun with --force-replace to delete and recreate"),
                        resource, applyBody, live, false);
            } else {
                throw e;
            }
        }
        if (!desired.apiVersion().equals(live.get("apiVersion"))) {
            // Listed in the server's preferred version: compare like with like, or every field renamed between
            // versions would look changed.
            var same = api.get(path);
            live = same != null ? same : live;
        }
        var before = ObjectContent.content(live);
        var after = ObjectContent.content(result);
        var paths = FieldDiff.paths(before, after);
        if (paths.isEmpty() && foreignOwner == null) {
            return planned(Change.of(key, desired.target(), Action.UNCHANGED), resource, applyBody, live, false);
        }
        return planned(change(desired, Action.UPDATE, paths, List.of(), diff(desired, before, after), note),
                resource, body, live, force);
    }

    private static boolean isImmutable(ApiException e) {
        return e.code() == 422 && (mentionsImmutable(e.getMessage())
                || e.causes().stream().anyMatch(c -> mentionsImmutable(c.message())));
    }

    private static boolean mentionsImmutable(String message) {
        return message != null && message.contains("immutable");
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    private String diff(DesiredObject d, Map<String, Object> before, Map<String, Object> after) {
        return options.diff() ? differ.diff(d.key(), before, after) : null;
    }

    private static Change change(DesiredObject d, Action action, List<String> paths, List<String> conflicts,
                                 String diff, String note) {
        return new Change(d.key(), d.target(), action, paths, conflicts, diff, note);
    }

    private static PlannedObject planned(Change change, ApiResource resource, Map<String, Object> body,
                                         Map<String, Object> live, boolean force) {
        return new PlannedObject(change, resource, body, live, force);
    }
}
