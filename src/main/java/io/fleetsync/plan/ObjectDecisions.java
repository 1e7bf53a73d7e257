package io.fleetsync.plan;

import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.diff.ChangeNote;
import io.fleetsync.diff.ConflictPath;
import io.fleetsync.diff.FieldDiff;
import io.fleetsync.diff.ManagedFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-object decision as pure functions of values — the facts (desired, live with managedFields, ownership)
 * and what the server answered to a dry-run apply (the result, or its error) — with no request of their own.
 * {@link ObjectPlanner} sends the requests between the steps: {@link #withoutDryRun} first (create, adopt-needed,
 * unchanged by the owned-field pre-check), then {@link #onRefusal} when the dry run was refused, then
 * {@link #fromResult} with the dry run's (or forced dry run's) result.
 */
final class ObjectDecisions {
    private final OwnedFieldsCheck ownedFields;
    private final PlanOptions options;
    private final ObjectDiffer differ;

    ObjectDecisions(ManagedFields managedFields, PlanOptions options, ObjectDiffer differ) {
        this.ownedFields = new OwnedFieldsCheck(managedFields);
        this.options = options;
        this.differ = differ;
    }

    /** What a refused dry run leads to: a decision, or a second dry run that takes the conflicting fields. */
    sealed interface Refusal {
        record Decided(PlannedObject planned) implements Refusal {
        }

        /** Dry-run {@code body} again with {@code force=true}; {@code note} says whose fields are taken. */
        record RetryForced(Map<String, Object> body, ChangeNote note) implements Refusal {
        }
    }

    /** The decision when no dry run is needed: nothing exists, it needs --adopt, or fleetsync's fields match. */
    Optional<PlannedObject> withoutDryRun(ObjectFacts f) {
        var d = f.desired();
        if (f.live() == null) {
            return Optional.of(planned(change(f, Action.CREATE, List.of(), List.of(), diff(f, null, f.applyBody()),
                    null), f, f.applyBody(), false));
        }
        if (f.ownership().foreign() && !options.adopt()) {
            var note = new ChangeNote.NotOwned(f.ownership().owner());
            return Optional.of(planned(change(f, Action.ADOPT_NEEDED, List.of(), List.of(), null, note), f,
                    f.applyBody(), false));
        }
        if (!f.ownership().foreign()) {
            var differences = ownedFields.differences(f.applyBody(), f.live(), ObjectStore.FIELD_MANAGER);
            if (differences.isPresent() && differences.get().isEmpty()) {
                return Optional.of(planned(Change.of(d.key(), d.target(), Action.UNCHANGED), f, f.applyBody(),
                        false));
            }
        }
        return Optional.empty();
    }

    /**
     * The dry run was refused with {@code e}: field conflicts (not forceable → an update that reports them; else a
     * forced retry), an immutable field (→ replace); anything else is this object's failure and is rethrown.
     */
    Refusal onRefusal(ObjectFacts f, ApiException e) {
        var foreign = f.ownership().foreign();
        if (e.isConflict() && !e.causes().isEmpty()) {
            var conflicts = FieldConflicts.of(e.causes(), f.applyBody(), f.live(), foreign);
            if (!conflicts.resolvable() && !options.forceConflicts()) {
                return new Refusal.Decided(planned(change(f, Action.UPDATE, conflicts.paths(), conflicts.reported(),
                        null, new ChangeNote.FieldConflicts()),
                        f, f.applyBody(), false));
            }
            var body = f.applyBody();
            var reverts = conflicts.any(FieldConflicts.Resolution.REVERT_EDIT)
                    ? conflicts.managers(FieldConflicts.Resolution.REVERT_EDIT) : List.<String>of();
            var sameValues = conflicts.any(FieldConflicts.Resolution.TAKE_OVER)
                    ? conflicts.managers(FieldConflicts.Resolution.TAKE_OVER) : List.<String>of();
            ChangeNote note = reverts.isEmpty() && sameValues.isEmpty() ? adoptionNote(f)
                    : new ChangeNote.TakesFields(f.ownership().owner(), reverts, sameValues);
            if (conflicts.any(FieldConflicts.Resolution.TAKE_OVER)) {
                if (!options.forceConflicts()) {
                    // Forced only because the values were equal in this live object: apply must not force
                    // onto a version someone changed since (the server refuses a stale resourceVersion).
                    body = ObjectContent.pinnedTo(f.applyBody(), f.live());
                }
            }
            return new Refusal.RetryForced(body, note);
        }
        if (isImmutable(e)) {
            var paths = e.causes().stream().filter(c -> mentionsImmutable(c.message()))
                    .map(c -> ConflictPath.of(c.field(), f.applyBody())).distinct().toList();
            return new Refusal.Decided(planned(change(f, Action.REPLACE,
                    paths.isEmpty() ? List.of("(immutable field)") : paths, List.of(),
                    diff(f, f.live(), f.applyBody()),
                    new ChangeNote.ImmutableField()),
                    f, f.applyBody(), false));
        }
        throw e;
    }

    /**
     * The decision from the dry run's result: the paths where it differs from the live object (read in the
     * manifest's version, {@code comparedLive}) are the change; none means unchanged, unless it is adopted.
     *
     * @param forced the forced retry this result answers, or null for the plain dry run
     */
    PlannedObject fromResult(ObjectFacts f, Map<String, Object> result, Map<String, Object> comparedLive,
                             Refusal.RetryForced forced) {
        var d = f.desired();
        var at = new ObjectFacts(d, f.resource(), f.applyBody(), comparedLive, f.ownership());
        var before = ObjectContent.content(comparedLive);
        var after = ObjectContent.content(result);
        var paths = FieldDiff.paths(before, after);
        if (paths.isEmpty() && !f.ownership().foreign()) {
            return planned(Change.of(d.key(), d.target(), Action.UNCHANGED), at, f.applyBody(), false);
        }
        var note = forced != null ? forced.note() : adoptionNote(f);
        return planned(change(f, Action.UPDATE, paths, List.of(), diff(f, before, after), note), at,
                forced != null ? forced.body() : f.applyBody(), forced != null);
    }

    private static ChangeNote adoptionNote(ObjectFacts f) {
        return f.ownership().foreign() ? ChangeNote.TakesFields.adopting(f.ownership().owner()) : null;
    }

    private static boolean isImmutable(ApiException e) {
        return e.code() == 422 && (mentionsImmutable(e.getMessage())
                || e.causes().stream().anyMatch(c -> mentionsImmutable(c.message())));
    }

    private static boolean mentionsImmutable(String message) {
        return message != null && message.contains("immutable");
    }

    private String diff(ObjectFacts f, Map<String, Object> before, Map<String, Object> after) {
        return options.diff() ? differ.diff(f.desired().key(), before, after) : null;
    }

    private static Change change(ObjectFacts f, Action action, List<String> paths, List<String> conflicts,
                                 String diff, ChangeNote note) {
        return new Change(f.desired().key(), f.desired().target(), action, paths, conflicts, diff, note);
    }

    private static PlannedObject planned(Change change, ObjectFacts f, Map<String, Object> body, boolean force) {
        return new PlannedObject(change, f.resource(), body, f.live(), force);
    }
}
