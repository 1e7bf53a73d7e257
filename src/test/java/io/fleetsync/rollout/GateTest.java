package io.fleetsync.rollout;

import static io.fleetsync.rollout.ClusterResult.CHANGED;
import static io.fleetsync.rollout.ClusterResult.FAILED;
import static io.fleetsync.rollout.ClusterResult.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.fleet.Share;
import io.fleetsync.fleet.Wave;
import io.fleetsync.fleet.WavePick;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every gate rule from values; soak checks come from a fake {@link SoakCheck} fed by a script. */
class GateTest {
    private static final Duration SOAK = Duration.ofMinutes(5);

    private static AssignedWave wave(Share budget, Duration soak, Optional<Duration> deadline, String... clusters) {
        return new AssignedWave(new Wave("w", new WavePick.Take(new Share.Percent(100)), Optional.empty(), budget, soak,
                deadline), false, List.of(clusters));
    }

    private static AssignedWave wave(int budget, Duration soak, String... clusters) {
        return wave(new Share.Absolute(budget), soak, Optional.empty(), clusters);
    }

    private static WaveProgress applied(AssignedWave wave, ClusterResult... results) {
        var map = new LinkedHashMap<String, ClusterResult>();
        for (int i = 0; i < results.length; i++) map.put(wave.clusters().get(i), results[i]);
        return new WaveProgress(wave, map, Duration.ofSeconds(10), Duration.ZERO, List.of(), false);
    }

    private static GateDecision halt(HaltReason reason, String... clusters) {
        return new GateDecision.Halt(reason, List.of(clusters));
    }

    @Test
    void budgetZeroHaltsOnTheFirstFailure() {
        var w = wave(0, Duration.ZERO, "a", "b", "c");

        assertThat(Gate.decide(applied(w, CHANGED, FAILED, CHANGED))).isEqualTo(halt(HaltReason.BUDGET_EXCEEDED, "b"));
        assertThat(Gate.decide(applied(w, CHANGED, CHANGED, CHANGED)))
                .as("positive control").isEqualTo(new GateDecision.Pass(PassReason.WITHIN_BUDGET));
    }

    @Test
    void budgetOneLetsOneFailureThroughAndHaltsOnTheSecond() {
        var w = wave(1, Duration.ZERO, "a", "b", "c");

        assertThat(Gate.decide(applied(w, FAILED, CHANGED, CHANGED)))
                .isEqualTo(new GateDecision.Pass(PassReason.WITHIN_BUDGET));
        assertThat(Gate.decide(applied(w, FAILED, CHANGED, FAILED)))
                .isEqualTo(halt(HaltReason.BUDGET_EXCEEDED, "a", "c"));
    }

    @Test
    void percentageBudgetsRoundDown() {
        assertThat(FailureBudget.allowed(new Share.Percent(10), 5)).as("10% of 5 tolerates none").isZero();
        assertThat(FailureBudget.allowed(new Share.Percent(10), 10)).isEqualTo(1);
        assertThat(FailureBudget.allowed(new Share.Percent(50), 5)).isEqualTo(2);
        assertThat(FailureBudget.allowed(new Share.Percent(100), 5)).isEqualTo(5);
        var w = wave(new Share.Percent(25), Duration.ZERO, Optional.empty(), "a", "b", "c", "d", "e");
        assertThat(Gate.decide(applied(w, FAILED, CHANGED, CHANGED, CHANGED, CHANGED)))
                .as("25% of 5 is 1.25: one failure allowed").isEqualTo(new GateDecision.Pass(PassReason.WITHIN_BUDGET));
        assertThat(Gate.decide(applied(w, FAILED, FAILED, CHANGED, CHANGED, CHANGED)))
                .isEqualTo(halt(HaltReason.BUDGET_EXCEEDED, "a", "b"));
    }

    @Test
    void aNoOpWavePassesAtOnceWithoutSoaking() {
        var w = wave(0, SOAK, "a", "b");

        assertThat(Gate.decide(applied(w, UNCHANGED, UNCHANGED))).isEqualTo(new GateDecision.Pass(PassReason.NO_CHANGES));
        assertThat(Gate.decide(applied(w, UNCHANGED, CHANGED))).as("positive control: one change soaks")
                .isEqualTo(new GateDecision.KeepSoaking(SOAK));
    }

    @Test
    void aConvergedWaveWithAFailedObjectHaltsInsteadOfPassing() {
        var w = wave(0, SOAK, "a", "b");
        var failed = List.of(new SoakObservation("a", SoakProblem.FAILED, "Deployment.apps/shop/web",
                "Progressing=False (ProgressDeadlineExceeded)"), SoakObservation.healthy("b"));

        assertThat(Gate.decide(applied(w, UNCHANGED, UNCHANGED).soakedFor(Duration.ZERO, failed)))
                .isEqualTo(halt(HaltReason.UNHEALTHY_WITHOUT_CHANGES, "a"));
        assertThat(Gate.decide(applied(w, UNCHANGED, UNCHANGED).soakedFor(Duration.ZERO,
                List.of(SoakObservation.healthy("a"), SoakObservation.healthy("b")))))
                .as("positive control: healthy and converged passes").isEqualTo(new GateDecision.Pass(PassReason.NO_CHANGES));
        assertThat(Gate.decide(applied(wave(1, SOAK, "a", "b"), UNCHANGED, UNCHANGED).soakedFor(Duration.ZERO, failed)))
                .as("within a budget of 1").isEqualTo(new GateDecision.Pass(PassReason.NO_CHANGES));
    }

    @Test
    void anEmptyWavePassesAtOnce() {
        assertThat(Gate.decide(applied(wave(0, SOAK)))).isEqualTo(new GateDecision.Pass(PassReason.EMPTY));
    }

    @Test
    void aWaveThatChangedSoaksUntilItsSoakTimeHasPassed() {
        var w = wave(0, SOAK, "a", "b");
        var progress = applied(w, CHANGED, UNCHANGED);
        var healthy = List.of(SoakObservation.healthy("a"));

        assertThat(Gate.decide(progress.soakedFor(Duration.ofMinutes(2), healthy)))
                .isEqualTo(new GateDecision.KeepSoaking(Duration.ofMinutes(3)));
        assertThat(Gate.decide(progress.soakedFor(SOAK, healthy))).isEqualTo(new GateDecision.Pass(PassReason.SOAKED));
    }

    @Test
    void aClusterUnhealthyDuringTheSoakBreaksTheBudgetEvenIfItRecovers() {
        var w = wave(0, SOAK, "a", "b");
        var script = new ArrayList<>(List.of(
                SoakObservation.healthy("a"),
                new SoakObservation("a", SoakProblem.GONE, "ConfigMap/apps/cfg", null),
                SoakObservation.healthy("a")));
        SoakCheck fake = cluster -> script.removeFirst();
        var observations = new ArrayList<SoakObservation>();
        var progress = applied(w, CHANGED, UNCHANGED);
        var decisions = new ArrayList<GateDecision>();
        for (int minute = 1; minute <= 3; minute++) {
            observations.add(fake.observe("a"));
            decisions.add(Gate.decide(progress.soakedFor(Duration.ofMinutes(minute), observations)));
        }

        assertThat(decisions).containsExactly(new GateDecision.KeepSoaking(Duration.ofMinutes(4)),
                halt(HaltReason.UNHEALTHY_DURING_SOAK, "a"), halt(HaltReason.UNHEALTHY_DURING_SOAK, "a"));
    }

    @Test
    void unhealthyAndFailedClustersShareOneBudget() {
        var w = wave(1, SOAK, "a", "b", "c");
        var progress = applied(w, FAILED, CHANGED, CHANGED);
        var bOk = List.of(SoakObservation.healthy("b"), SoakObservation.healthy("c"));
        var bGone = List.of(new SoakObservation("b", SoakProblem.TERMINATING, "Deployment/apps/web", null),
                SoakObservation.healthy("c"));

        assertThat(Gate.decide(progress.soakedFor(SOAK, bOk))).isEqualTo(new GateDecision.Pass(PassReason.SOAKED));
        assertThat(Gate.decide(progress.soakedFor(Duration.ofMinutes(1), bGone)))
                .isEqualTo(halt(HaltReason.UNHEALTHY_DURING_SOAK, "a", "b"));
    }

    @Test
    void appliesLongerThanTheDeadlineHalt() {
        var w = wave(new Share.Absolute(0), Duration.ZERO, Optional.of(Duration.ofSeconds(5)), "a");

        assertThat(Gate.decide(applied(w, CHANGED))).isEqualTo(halt(HaltReason.DEADLINE_EXCEEDED));
        var roomy = wave(new Share.Absolute(0), Duration.ZERO, Optional.of(Duration.ofSeconds(30)), "a");
        assertThat(Gate.decide(applied(roomy, CHANGED))).isEqualTo(new GateDecision.Pass(PassReason.WITHIN_BUDGET));
    }

    @Test
    void aBrokenBudgetIsReportedBeforeTheDeadline() {
        var w = wave(new Share.Absolute(0), Duration.ZERO, Optional.of(Duration.ofSeconds(5)), "a");

        assertThat(Gate.decide(applied(w, FAILED))).isEqualTo(halt(HaltReason.BUDGET_EXCEEDED, "a"));
    }

    @Test
    void aStopHaltsWhateverElseHappened() {
        var w = wave(0, SOAK, "a");

        assertThat(Gate.decide(applied(w, CHANGED).stopped())).isEqualTo(halt(HaltReason.STOPPED));
    }

    @Test
    void theImplicitLastWaveHasNoBudgetAndNoSoak() {
        var rest = new AssignedWave(Wave.remaining(WaveAssignment.REMAINING), true, List.of("x", "y"));
        var map = Map.of("x", CHANGED, "y", FAILED);

        assertThat(Gate.decide(new WaveProgress(rest, map, Duration.ofSeconds(1), Duration.ZERO, List.of(), false)))
                .isEqualTo(halt(HaltReason.BUDGET_EXCEEDED, "y"));
        assertThat(Gate.decide(new WaveProgress(rest, Map.of("x", CHANGED, "y", CHANGED), Duration.ofSeconds(1),
                Duration.ZERO, List.of(), false))).isEqualTo(new GateDecision.Pass(PassReason.WITHIN_BUDGET));
    }
}
