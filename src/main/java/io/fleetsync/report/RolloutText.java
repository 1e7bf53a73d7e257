package io.fleetsync.report;

import io.fleetsync.units.HumanDuration;
import io.fleetsync.fleet.Share;
import io.fleetsync.rollout.FailureBudget;
import io.fleetsync.rollout.GateDecision;
import io.fleetsync.rollout.RolloutOutcome;
import io.fleetsync.rollout.SoakObservation;
import io.fleetsync.rollout.WaveOutcome;
import io.fleetsync.rollout.WaveState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words for the rollout's waves and gate decisions; the rollout package itself only has codes. */
public final class RolloutText {
    private RolloutText() {
    }

    /** The wave's clusters and settings: {@code canary: 1 cluster (prod-eu); budget 0, soak 30s}. */
    public static String wave(WaveOutcome outcome) {
        var w = outcome.wave();
        var spec = w.wave();
        var n = w.clusters().size();
        var settings = new ArrayList<String>();
        settings.add("budget " + budget(spec.failureBudget(), n));
        settings.add("soak " + (spec.soak().isZero() ? "none" : HumanDuration.format(spec.soak())));
        spec.deadline().ifPresent(d -> settings.add("deadline " + HumanDuration.format(d)));
        spec.maxInFlight().ifPresent(m -> settings.add("max " + m + " in flight"));
        return w.name() + (w.implicit() ? " (implicit: clusters no wave selects)" : "") + ": " + n
                + (n == 1 ? " cluster" : " clusters") + (n == 0 ? "" : " (" + String.join(", ", w.clusters()) + ")")
                + "; " + String.join(", ", settings);
    }

    private static String budget(Share share, int size) {
        return switch (share) {
            case Share.Absolute a -> Integer.toString(a.count());
            case Share.Percent p -> p + " (" + FailureBudget.allowed(share, size) + " of " + size + ")";
        };
    }

    /** What became of the wave: {@code passed: healthy through the soak (6 checks)}. */
    public static String state(WaveOutcome outcome) {
        return switch (outcome.state()) {
            case PLANNED -> "planned";
            case HELD_BACK -> "held back: not started because an earlier wave halted";
            case PASSED, HALTED -> stateWord(outcome.state()) + ": " + decision(outcome);
        };
    }

    private static String stateWord(WaveState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** The gate's decision in words. */
    public static String decision(WaveOutcome outcome) {
        var size = outcome.wave().clusters().size();
        return switch (outcome.decision()) {
            case null -> "";
            case GateDecision.Pass p -> switch (p.reason()) {
                case EMPTY -> "no cluster in this wave";
                case NO_CHANGES -> "nothing to change, not soaked";
                case WITHIN_BUDGET -> "within its failure budget (no soak)";
                case SOAKED -> "healthy through the soak (" + outcome.soakChecks() + " check"
                        + (outcome.soakChecks() == 1 ? "" : "s") + ")";
            };
            case GateDecision.Halt h -> switch (h.reason()) {
                case BUDGET_EXCEEDED -> h.clusters().size() + " of " + size + " cluster(s) failed ("
                        + String.join(", ", h.clusters()) + "), the failure budget allows "
                        + FailureBudget.allowed(outcome.wave().wave().failureBudget(), size);
                case UNHEALTHY_DURING_SOAK -> "failed or unhealthy during the soak: " + String.join(", ",
                        h.clusters()) + unhealthy(outcome.unhealthy()) + "; the failure budget allows "
                        + FailureBudget.allowed(outcome.wave().wave().failureBudget(), size);
                case UNHEALTHY_WITHOUT_CHANGES -> "nothing to change, but not healthy: " + String.join(", ",
                        h.clusters()) + unhealthy(outcome.unhealthy()) + "; the failure budget allows "
                        + FailureBudget.allowed(outcome.wave().wave().failureBudget(), size);
                case DEADLINE_EXCEEDED -> "its applies took longer than its deadline of "
                        + outcome.wave().wave().deadline().map(HumanDuration::format).orElse("?");
                case STOPPED -> "the run was interrupted";
            };
            case GateDecision.KeepSoaking k -> "still soaking";
        };
    }

    private static String unhealthy(List<SoakObservation> observations) {
        var parts = observations.stream().map(o -> o.cluster() + ": " + problem(o)).distinct().toList();
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    /** One soak problem: {@code ConfigMap/apps/cfg is gone}. */
    public static String problem(SoakObservation o) {
        var what = o.subject() == null ? "" : o.subject() + " ";
        var text = switch (o.problem()) {
            case null -> "healthy";
            case GONE -> what + "is gone";
            case TERMINATING -> what + "is being deleted";
            case FAILED -> what + "is Failed";
            case UNREACHABLE -> "could not be checked";
        };
        return o.detail() == null ? text : text + ": " + o.detail();
    }

    /** Why a held-back cluster was not touched. */
    public static String heldBack(RolloutOutcome rollout, String cluster) {
        var wave = rollout.waveOf(cluster).map(w -> "wave " + w.wave().name()).orElse("its wave");
        return rollout.halted().map(h -> wave + " was not started: wave " + h.wave().name() + " halted the rollout ("
                        + decision(h) + ")")
                .orElse(wave + " was not started");
    }

    /** Kebab-case code of an enum constant, for JSON. */
    public static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
