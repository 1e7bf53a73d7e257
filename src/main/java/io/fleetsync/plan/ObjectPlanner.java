package io.fleetsync.plan;

import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ApiResource;
import io.fleetsync.cluster.KubeApi;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.diff.FieldDiff;
import io.fleetsync.diff.ManagedFields;
import io.fleetsync.manifest.DesiredObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides what happens to one desired object. Cheap first: when the fields fleetsync owns on the live object
 * already equal the manifest, the object is unchanged without any request. Otherwise the server computes the result
 * of the apply as a dry run, and only a difference in that result is a change — so server defaults, normalisation
 * and fields other managers own never show up as changes.
 */
final class ObjectPlanner {
    private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]+)\"");

    private final KubeApi api;
    private final ManagedFields managedFields;
    private final PlanOptions options;
    private final ObjectDiffer differ;

    ObjectPlanner(KubeApi api, ManagedFields managedFields, PlanOptions options, ObjectDiffer differ) {
        this.api = api;
        this.managedFields = managedFields;
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
            var owned = managedFields.ownedBy(live, KubeApi.FIELD_MANAGER, desired.apiVersion());
            if (owned.isPresent() && FieldDiff.paths(ObjectContent.ownedShape(applyBody), owned.get()).isEmpty()) {
                return planned(Change.of(key, desired.target(), Action.UNCHANGED), resource, applyBody, live, false);
            }
        }
        var path = resource.objectPath(key.namespace(), key.name());
        Map<String, Object> result;
        boolean force = false;
        String note = foreignOwner == null ? null : "adopts: " + foreignOwner;
        try {
            result = api.apply(path, applyBody, true, false);
        } catch (ApiException e) {
            if (e.isConflict() && !e.causes().isEmpty()) {
                var conflicts = conflicts(e);
                var drift = isDrift(conflicts, live);
                if (!drift && !options.forceConflicts()) {
                    var paths = e.causes().stream().map(c -> trimDot(c.field())).toList();
                    return planned(change(desired, Action.UPDATE, paths, describe(e), null,
                            "conflicts with other field managers; rerun with --force-conflicts to take the fields"),
                            resource, applyBody, live, false);
                }
                force = true;
                if (drift) {
                    note = join(note, "reverts changes made by " + String.join(", ", conflicts));
                }
                result = api.apply(path, applyBody, true, true);
            } else if (isImmutable(e)) {
                var paths = e.causes().stream().filter(c -> mentionsImmutable(c.message()))
                        .map(c -> trimDot(c.field())).distinct().toList();
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
                resource, applyBody, live, force);
    }

    /** Managers named in a 409's causes, e.g. {@code kubectl-edit}. */
    private static List<String> conflicts(ApiException e) {
        var out = new LinkedHashSet<String>();
        for (var c : e.causes()) {
            var m = MANAGER.matcher(c.message() == null ? "" : c.message());
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Drift is a change by a manager that edits (Update: kubectl edit/scale/patch, a script) rather than applies
     * its own intent (Apply: another GitOps tool). fleetsync reverts drift; it reports conflicts with appliers.
     */
    private static boolean isDrift(List<String> managers, Map<String, Object> live) {
        var others = ManagedFields.otherManagers(live, KubeApi.FIELD_MANAGER);
        return !managers.isEmpty() && managers.stream().allMatch(m -> "Update".equals(others.get(m)));
    }

    private static List<String> describe(ApiException e) {
        return e.causes().stream().map(c -> trimDot(c.field()) + ": " + c.message()).toList();
    }

    private static boolean isImmutable(ApiException e) {
        return e.code() == 422 && (mentionsImmutable(e.getMessage())
                || e.causes().stream().anyMatch(c -> mentionsImmutable(c.message())));
    }

    private static boolean mentionsImmutable(String message) {
        return message != null && message.contains("immutable");
    }

    private static String trimDot(String field) {
        return field == null ? "" : field.startsWith(".") ? field.substring(1) : field;
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
