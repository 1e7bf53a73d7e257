package io.fleetsync.report;

import io.fleetsync.diff.ChangeNote;
import io.fleetsync.plan.PlanWarning;
import io.fleetsync.result.OutcomeReason;

/**
 * The words for the core's typed reasons — a change's note, why apply failed or skipped an object, a plan's
 * warnings — with the flag that would change the decision, shared by text, Markdown and JSON. The only place these
 * words and flag names are written.
 */
public final class ReasonText {

    private ReasonText() {
    }

    /** The words of a change's note, or null for none. */
    public static String note(ChangeNote note) {
        if (note == null) {
            return null;
        }
        return switch (note) {
            case ChangeNote.NotOwned n -> owner(n.owner()) + "; rerun with --adopt to take it over";
            case ChangeNote.FieldConflicts c ->
                    "conflicts with other field managers; rerun with --force-conflicts to take the fields";
            case ChangeNote.ImmutableField i ->
                    "an immutable field changed; rerun with --force-replace to delete and recreate";
            case ChangeNote.TakesFields t -> takesFields(t);
            case ChangeNote.RolloutRestart r -> "rollout restart: [" + String.join(", ", r.configs()) + "] changed";
            case ChangeNote.Text t -> t.text();
        };
    }

    /** Why apply failed or skipped an object, or null when it has no reason of its own. */
    public static String outcome(OutcomeReason reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case OutcomeReason.Interrupted i ->
                    (i.verb() == OutcomeReason.Verb.DELETE ? "not deleted" : "not applied") + ": the run was interrupted";
            case OutcomeReason.NotOwned n -> "not owned by fleetsync; rerun with --adopt to take it over";
            case OutcomeReason.ImmutableField i -> "immutable field changed (" + String.join(", ", i.paths())
                    + "); rerun with --force-replace to delete and recreate";
            case OutcomeReason.FieldConflicts c -> "conflicts with other field managers: "
                    + String.join("; ", c.conflicts()) + " (rerun with --force-conflicts)";
            case OutcomeReason.CrdNotEstablished c ->
                    "its CRD is not established yet" + (c.dryRun() ? " (dry run)" : "");
            case OutcomeReason.NamespaceCreatedByRun n ->
                    "namespace " + n.namespace() + " is created by this run (dry run)";
            case OutcomeReason.ChangedIdentity c -> "not deleted: the object changed identity since it was planned";
            case OutcomeReason.StillPresentAfterDelete s -> "deleted, but still present after "
                    + s.waited().toSeconds() + "s (finalizers?); not recreated";
            case OutcomeReason.DeletionWaitFailed d -> "waiting for the deletion to finish: " + d.message();
            case OutcomeReason.StillDeleting s -> "still being deleted after waiting " + s.waited().toSeconds()
                    + "s (the wait ends shortly before the cluster deadline, --cluster-timeout)";
            case OutcomeReason.NotAttempted n -> "not attempted: cluster failed during " + n.phase() + ": " + n.cause();
            case OutcomeReason.Message m -> m.text();
        };
    }

    /** One warning of a cluster's plan. */
    public static String warning(PlanWarning warning) {
        return switch (warning) {
            case PlanWarning.EmptyTarget e ->
                    "target " + e.target() + " renders no objects: pruning skipped (--allow-empty to prune)";
            case PlanWarning.InventoryIncomplete i ->
                    "pruning skipped on this cluster: a list failed, so what exists is unknown";
            case PlanWarning.MaxDeletions m -> m.deletes() + " deletions exceed --max-deletions " + m.limit()
                    + ": all deletes on this cluster are held back";
            case PlanWarning.UnnamedParent u -> "target " + u.target() + " no longer selects this cluster, but its"
                    + " ApplySet parent names no cluster (written before fleetsync recorded one): its objects here"
                    + " are kept";
            case PlanWarning.SelectedByNoTarget s -> "no target selects this cluster any more: what target "
                    + s.target() + " left here is kept (--allow-empty deletes it)";
            case PlanWarning.DepartedWithoutPrune d -> "target " + d.target()
                    + " no longer selects this cluster and has prune: false: its objects here are kept";
        };
    }

    private static String owner(ChangeNote.Owner owner) {
        return switch (owner) {
            case ChangeNote.Owner.Unmanaged u -> "exists and is not managed by fleetsync";
            case ChangeNote.Owner.OtherTarget t -> "owned by fleetsync target " + t.target();
            case ChangeNote.Owner.OtherApplySet s -> "owned by another tool's ApplySet " + s.setId();
        };
    }

    /** {@code adopts: …; reverts changes made by …; takes over fields set to the same values by …}, parts present. */
    private static String takesFields(ChangeNote.TakesFields t) {
        var parts = new java.util.ArrayList<String>();
        if (t.adoptedFrom() != null) {
            parts.add("adopts: " + owner(t.adoptedFrom()));
        }
        if (!t.revertsEditsBy().isEmpty()) {
            parts.add("reverts changes made by " + String.join(", ", t.revertsEditsBy()));
        }
        if (!t.sameValuesFrom().isEmpty()) {
            parts.add("takes over fields set to the same values by " + String.join(", ", t.sameValuesFrom()));
        }
        return String.join("; ", parts);
    }
}
