package io.fleetsync.apply;

import io.fleetsync.diff.ChangeNote;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.plan.ClusterPhase;
import io.fleetsync.plan.PlanProblem;
import io.fleetsync.resource.GroupKind;
import io.fleetsync.resource.ResourceKey;
import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.result.RestartResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal keeps planning problems and restarts typed, counts them as outcomes, and names the first failure. */
class ClusterJournalTest {
    private static final ResourceKey WEB = new ResourceKey("apps", "Deployment", "shop", "web");

    @Test
    void problemsAreRecordedInTheirOwnPhaseAndCountAsFailures() {
        var entered = new ArrayList<ClusterPhase>();
        var journal = new ClusterJournal(entered::add);
        journal.enter(ClusterPhase.DIFF);

        journal.problems(List.of(new PlanProblem.ListFailed(new GroupKind("", "ConfigMap"), "shop",
                "listing ConfigMap in namespace shop failed: HTTP 403"), new PlanProblem.ObjectFailed(WEB, "x")));

        assertThat(journal.problems()).hasSize(2);
        assertThat(journal.outcomes()).extracting(ObjectOutcome::status)
                .containsExactly(ObjectOutcome.Status.FAILED, ObjectOutcome.Status.FAILED);
        assertThat(journal.firstFailure()).contains(ClusterPhase.LIST);
        assertThat(entered).containsExactly(ClusterPhase.DIFF);
    }

    @Test
    void adoptNeededAndHeldBackDeletesAreNotFailures() {
        var journal = new ClusterJournal(p -> { });
        journal.enter(ClusterPhase.APPLY);
        journal.record(ObjectOutcome.skipped(Change.of(WEB, "app", Action.ADOPT_NEEDED), "needs --adopt"));
        journal.enter(ClusterPhase.PRUNE);
        journal.record(ObjectOutcome.heldBack(Change.of(WEB, "app", Action.DELETE)
                .withHeldBack(new io.fleetsync.diff.HoldBack(io.fleetsync.diff.HoldBack.Reason.MAX_DELETIONS, 3, null))));

        assertThat(journal.firstFailure()).isEmpty();
        // Positive control: a skip for any other reason is a failure of the phase it happened in.
        journal.record(ObjectOutcome.skipped(Change.of(WEB, "app", Action.UPDATE), "not applied: interrupted"));
        assertThat(journal.firstFailure()).contains(ClusterPhase.PRUNE);
    }

    @Test
    void restartsAreKeptTypedAndCountedAsTheirOutcomes() {
        var journal = new ClusterJournal(p -> { });
        journal.enter(ClusterPhase.RESTART);

        var counted = journal.restarted(List.of(new RestartResult.Restarted(WEB, List.of("ConfigMap/app-config")),
                new RestartResult.ListFailed(new GroupKind("apps", "StatefulSet"), "shop", "restart-on-change: 403")));

        assertThat(journal.restarts()).hasSize(2);
        assertThat(counted).extracting(ObjectOutcome::status)
                .containsExactly(ObjectOutcome.Status.DONE, ObjectOutcome.Status.FAILED);
        assertThat(counted.get(0).change().note()).isEqualTo(new ChangeNote.RolloutRestart(List.of("ConfigMap/app-config")));
        assertThat(counted.get(0).change().changedPaths())
                .containsExactly("spec.template.metadata.annotations[\"kubectl.kubernetes.io/restartedAt\"]");
        assertThat(journal.firstFailure()).contains(ClusterPhase.RESTART);
    }

    @Test
    void keepsTheFinishedPlanButNotThePlannedObjectsOrDiscovery() {
        var plan = new io.fleetsync.plan.ClusterPlan("eu", List.of(Change.of(WEB, "app", Action.UPDATE)), List.of());
        var work = new io.fleetsync.plan.ClusterWork(plan, List.of(), List.of(), List.of(), null, true, false);
        var journal = new ClusterJournal(p -> { });

        journal.planned(work);

        assertThat(journal.plan()).isSameAs(plan);
        // The runner keeps every cluster's journal until the run ends: a field holding the work (apply bodies,
        // live objects, discovery) kept all of a 1000-cluster fleet's state in memory.
        assertThat(java.util.Arrays.stream(ClusterJournal.class.getDeclaredFields()).<Class<?>>map(f -> f.getType()).toList())
                .doesNotContain(io.fleetsync.plan.ClusterWork.class, io.fleetsync.cluster.Discovery.class)
                .contains(io.fleetsync.plan.ClusterPlan.class);
    }
}
