package io.fleetsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.diff.ChangeNote;
import io.fleetsync.diff.ChangeNote.Owner;
import io.fleetsync.plan.PlanWarning;
import io.fleetsync.result.OutcomeReason;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The words and flag hints of every typed reason, and its JSON code: the words are the ones the planner and applier
 * wrote before they returned values (the e2e tests and the golden files read them), so any change here is a change
 * of fleetsync's output.
 */
class ReasonTextTest {

    @Test
    void changeNotesBecomeTheirWordsAndFlagHints() {
        assertThat(ReasonText.note(new ChangeNote.NotOwned(new Owner.Unmanaged())))
                .isEqualTo("exists and is not managed by fleetsync; rerun with --adopt to take it over");
        assertThat(ReasonText.note(new ChangeNote.NotOwned(new Owner.OtherTarget("payments"))))
                .isEqualTo("owned by fleetsync target payments; rerun with --adopt to take it over");
        assertThat(ReasonText.note(new ChangeNote.NotOwned(new Owner.OtherApplySet("applyset-abc-v1"))))
                .isEqualTo("owned by another tool's ApplySet applyset-abc-v1; rerun with --adopt to take it over");
        assertThat(ReasonText.note(new ChangeNote.FieldConflicts()))
                .isEqualTo("conflicts with other field managers; rerun with --force-conflicts to take the fields");
        assertThat(ReasonText.note(new ChangeNote.ImmutableField()))
                .isEqualTo("an immutable field changed; rerun with --force-replace to delete and recreate");
        assertThat(ReasonText.note(new ChangeNote.RolloutRestart(List.of("ConfigMap/app-config", "Secret/db"))))
                .isEqualTo("rollout restart: [ConfigMap/app-config, Secret/db] changed");
        assertThat(ReasonText.note(new ChangeNote.Text("owned by target other-app")))
                .isEqualTo("owned by target other-app");
        assertThat(ReasonText.note(null)).isNull();
    }

    @Test
    void takingFieldsNamesTheOwnerAndTheManagersInOrder() {
        assertThat(ReasonText.note(ChangeNote.TakesFields.adopting(new Owner.Unmanaged())))
                .isEqualTo("adopts: exists and is not managed by fleetsync");
        assertThat(ReasonText.note(new ChangeNote.TakesFields(new Owner.Unmanaged(), List.of(),
                List.of("argocd-controller"))))
                .isEqualTo("adopts: exists and is not managed by fleetsync; takes over fields set to the same values"
                        + " by argocd-controller");
        assertThat(ReasonText.note(new ChangeNote.TakesFields(null, List.of("kubectl (scale)", "kubectl-edit"),
                List.of())))
                .isEqualTo("reverts changes made by kubectl (scale), kubectl-edit");
        assertThat(ReasonText.note(new ChangeNote.TakesFields(new Owner.OtherTarget("web"), List.of("kubectl-edit"),
                List.of("helm"))))
                .isEqualTo("adopts: owned by fleetsync target web; reverts changes made by kubectl-edit;"
                        + " takes over fields set to the same values by helm");
    }

    @Test
    void outcomeReasonsBecomeTheirWordsAndFlagHints() {
        assertThat(ReasonText.outcome(new OutcomeReason.Interrupted(OutcomeReason.Verb.APPLY)))
                .isEqualTo("not applied: the run was interrupted");
        assertThat(ReasonText.outcome(new OutcomeReason.Interrupted(OutcomeReason.Verb.DELETE)))
                .isEqualTo("not deleted: the run was interrupted");
        assertThat(ReasonText.outcome(new OutcomeReason.NotOwned()))
                .isEqualTo("not owned by fleetsync; rerun with --adopt to take it over");
        assertThat(ReasonText.outcome(new OutcomeReason.ImmutableField(List.of("spec.selector", "spec.clusterIP"))))
                .isEqualTo("immutable field changed (spec.selector, spec.clusterIP); rerun with --force-replace to"
                        + " delete and recreate");
        assertThat(ReasonText.outcome(new OutcomeReason.FieldConflicts(List.of(
                "spec.replicas: conflict with \"argocd-controller\"", "data.key: conflict with \"kubectl-edit\""))))
                .isEqualTo("conflicts with other field managers: spec.replicas: conflict with \"argocd-controller\";"
                        + " data.key: conflict with \"kubectl-edit\" (rerun with --force-conflicts)");
        assertThat(ReasonText.outcome(new OutcomeReason.CrdNotEstablished(false)))
                .isEqualTo("its CRD is not established yet");
        assertThat(ReasonText.outcome(new OutcomeReason.CrdNotEstablished(true)))
                .isEqualTo("its CRD is not established yet (dry run)");
        assertThat(ReasonText.outcome(new OutcomeReason.NamespaceCreatedByRun("shop")))
                .isEqualTo("namespace shop is created by this run (dry run)");
        assertThat(ReasonText.outcome(new OutcomeReason.ChangedIdentity()))
                .isEqualTo("not deleted: the object changed identity since it was planned");
        assertThat(ReasonText.outcome(new OutcomeReason.StillPresentAfterDelete(Duration.ofSeconds(60))))
                .isEqualTo("deleted, but still present after 60s (finalizers?); not recreated");
        assertThat(ReasonText.outcome(new OutcomeReason.DeletionWaitFailed("request timed out after 10s")))
                .isEqualTo("waiting for the deletion to finish: request timed out after 10s");
        assertThat(ReasonText.outcome(new OutcomeReason.StillDeleting(Duration.ofMillis(55_900))))
                .isEqualTo("still being deleted after waiting 55s (the wait ends shortly before the cluster"
                        + " deadline, --cluster-timeout)");
        assertThat(ReasonText.outcome(new OutcomeReason.NotAttempted("apply", "request timed out after 30s")))
                .isEqualTo("not attempted: cluster failed during apply: request timed out after 30s");
        assertThat(ReasonText.outcome(new OutcomeReason.Message("admission webhook \"policy\" denied the request")))
                .isEqualTo("admission webhook \"policy\" denied the request");
        assertThat(ReasonText.outcome(null)).isNull();
    }

    @Test
    void planWarningsBecomeTheirWordsAndFlagHints() {
        assertThat(ReasonText.warning(new PlanWarning.EmptyTarget("web")))
                .isEqualTo("target web renders no objects: pruning skipped (--allow-empty to prune)");
        assertThat(ReasonText.warning(new PlanWarning.InventoryIncomplete()))
                .isEqualTo("pruning skipped on this cluster: a list failed, so what exists is unknown");
        assertThat(ReasonText.warning(new PlanWarning.MaxDeletions(12, 10)))
                .isEqualTo("12 deletions exceed --max-deletions 10: all deletes on this cluster are held back");
        assertThat(ReasonText.warning(new PlanWarning.UnnamedParent("web")))
                .isEqualTo("target web no longer selects this cluster, but its ApplySet parent names no cluster"
                        + " (written before fleetsync recorded one): its objects here are kept");
        assertThat(ReasonText.warning(new PlanWarning.SelectedByNoTarget("web")))
                .isEqualTo("no target selects this cluster any more: what target web left here is kept"
                        + " (--allow-empty deletes it)");
        assertThat(ReasonText.warning(new PlanWarning.DepartedWithoutPrune("web")))
                .isEqualTo("target web no longer selects this cluster and has prune: false: its objects here are"
                        + " kept");
    }

    /** The JSON codes are part of the v1alpha1 contract: a renamed constant must fail here, not in a consumer. */
    @Test
    void everyReasonHasItsStableJsonCode() {
        assertThat(labels(ChangeNote.Code.values(), ChangeNote.Code::label)).containsExactly("not-owned",
                "field-conflicts", "immutable-field", "takes-fields", "rollout-restart", "text");
        assertThat(labels(OutcomeReason.Code.values(), OutcomeReason.Code::label)).containsExactly("interrupted",
                "not-owned", "immutable-field", "field-conflicts", "crd-not-established", "namespace-created-by-run",
                "changed-identity", "still-present-after-delete", "deletion-wait-failed", "still-deleting", "not-attempted", "message");
        assertThat(labels(PlanWarning.Code.values(), PlanWarning.Code::label)).containsExactly("empty-target",
                "inventory-incomplete", "max-deletions", "unnamed-parent", "selected-by-no-target",
                "departed-without-prune");
        assertThat(Map.of(
                new ChangeNote.NotOwned(new Owner.Unmanaged()).code(), ChangeNote.Code.NOT_OWNED,
                new ChangeNote.FieldConflicts().code(), ChangeNote.Code.FIELD_CONFLICTS,
                new ChangeNote.ImmutableField().code(), ChangeNote.Code.IMMUTABLE_FIELD,
                ChangeNote.TakesFields.adopting(new Owner.Unmanaged()).code(), ChangeNote.Code.TAKES_FIELDS,
                new ChangeNote.RolloutRestart(List.of()).code(), ChangeNote.Code.ROLLOUT_RESTART))
                .allSatisfy((actual, expected) -> assertThat(actual).isEqualTo(expected));
        assertThat(new OutcomeReason.StillDeleting(Duration.ZERO).code()).isEqualTo(OutcomeReason.Code.STILL_DELETING);
        assertThat(new PlanWarning.MaxDeletions(2, 1).code()).isEqualTo(PlanWarning.Code.MAX_DELETIONS);
    }

    private static <E> List<String> labels(E[] values, java.util.function.Function<E, String> label) {
        return Arrays.stream(values).map(label).collect(Collectors.toList());
    }
}
