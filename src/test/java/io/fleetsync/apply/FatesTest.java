package io.fleetsync.apply;

import io.fleetsync.result.OutcomeReason;
import io.fleetsync.result.ObjectOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.plan.ClusterPhase;
import io.fleetsync.resource.ResourceKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every planned change gets exactly one outcome when a cluster stops part-way, and the journal names the phase. */
class FatesTest {
    private static Change change(String name, Action action) {
        return Change.of(new ResourceKey("", "ConfigMap", "shop", name), "app", action);
    }

    @Test
    void changesNeverReachedAreSkippedWithTheCauseAndUnchangedOnesNeedNoOutcome() {
        var planned = List.of(change("a", Action.CREATE), change("b", Action.UPDATE), change("c", Action.DELETE),
                change("d", Action.UNCHANGED));
        var soFar = List.of(ObjectOutcome.done(planned.get(0)));

        var all = Fates.complete(planned, soFar, new Fates.NotAttempted(ClusterPhase.APPLY,
                "request timed out after 30s"));

        assertThat(all).hasSize(3);
        assertThat(all.get(0).status()).isEqualTo(ObjectOutcome.Status.DONE);
        assertThat(all.subList(1, 3)).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(ObjectOutcome.Status.SKIPPED);
            assertThat(o.reason()).isEqualTo(new OutcomeReason.NotAttempted("apply", "request timed out after 30s"));
        });
        assertThat(all.stream().map(o -> o.change().key().name())).containsExactly("a", "b", "c");
    }

    @Test
    void theJournalNamesThePhaseOfTheFirstFailureNotTheLastPhaseEntered() {
        var journal = new ClusterJournal(p -> { });
        journal.enter(ClusterPhase.APPLY);
        journal.record(List.of(ObjectOutcome.done(change("a", Action.CREATE)),
                ObjectOutcome.skipped(change("x", Action.ADOPT_NEEDED), "not owned"),
                ObjectOutcome.failed(change("b", Action.CREATE), "denied")));
        journal.enter(ClusterPhase.PRUNE);
        journal.record(List.of(ObjectOutcome.failed(change("c", Action.DELETE), "forbidden")));
        journal.enter(ClusterPhase.RESTART);

        assertThat(journal.firstFailure()).contains(ClusterPhase.APPLY);
        assertThat(journal.phase()).isEqualTo(ClusterPhase.RESTART);
    }

    @Test
    void anAdoptionNoticeIsNotAFailure() {
        var journal = new ClusterJournal(p -> { });
        journal.enter(ClusterPhase.APPLY);
        journal.record(List.of(ObjectOutcome.skipped(change("x", Action.ADOPT_NEEDED), "not owned")));

        assertThat(journal.firstFailure()).isEmpty();
    }
}
