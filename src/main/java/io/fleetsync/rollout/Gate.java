package io.fleetsync.rollout;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The decision after a wave, a pure function of what the wave did: the rules apply in this order, the first that
 * matches decides.
 * <ol>
 * <li>the run was asked to stop: halt;</li>
 * <li>more clusters failed than the budget allows: halt (a failed or partial cluster counts);</li>
 * <li>the applies took longer than the wave's deadline: halt;</li>
 * <li>the wave has no cluster, or none changed anything: pass at once (a no-op is not soaked);</li>
 * <li>no soak time: pass;</li>
 * <li>failed clusters plus clusters any soak check found unhealthy exceed the budget: halt (once unhealthy, a
 *     cluster stays counted: a Deployment that flaps is not healthy);</li>
 * <li>soaked long enough: pass; else keep soaking.</li>
 * </ol>
 */
public final class Gate {
    private Gate() {
    }

    public static GateDecision decide(WaveProgress p) {
        var wave = p.wave();
        var spec = wave.wave();
        if (p.stopRequested()) {
            return new GateDecision.Halt(HaltReason.STOPPED, List.of());
        }
        int allowed = FailureBudget.allowed(spec.failureBudget(), wave.clusters().size());
        var failed = inWaveOrder(wave, p, ClusterResult.FAILED);
        if (failed.size() > allowed) {
            return new GateDecision.Halt(HaltReason.BUDGET_EXCEEDED, failed);
        }
        if (spec.deadline().isPresent() && p.applyTook().compareTo(spec.deadline().get()) > 0) {
            return new GateDecision.Halt(HaltReason.DEADLINE_EXCEEDED, List.of());
        }
        if (wave.clusters().isEmpty()) {
            return new GateDecision.Pass(PassReason.EMPTY);
        }
        if (inWaveOrder(wave, p, ClusterResult.CHANGED).isEmpty()) {
            // Converged is not healthy: a canary the previous run left Failed plans no changes, and passing it would
            // carry the broken version one wave further with every rerun. The runner observes such a wave once.
            var bad = unhealthy(wave, p, failed);
            if (bad.size() > allowed) {
                return new GateDecision.Halt(HaltReason.UNHEALTHY_WITHOUT_CHANGES, bad);
            }
            return new GateDecision.Pass(PassReason.NO_CHANGES);
        }
        if (spec.soak().isZero()) {
            return new GateDecision.Pass(PassReason.WITHIN_BUDGET);
        }
        var bad = unhealthy(wave, p, failed);
        if (bad.size() > allowed) {
            return new GateDecision.Halt(HaltReason.UNHEALTHY_DURING_SOAK, bad);
        }
        if (p.soaked().compareTo(spec.soak()) >= 0) {
            return new GateDecision.Pass(PassReason.SOAKED);
        }
        return new GateDecision.KeepSoaking(spec.soak().minus(p.soaked()));
    }

    /** Failed clusters plus clusters any observation found unhealthy, in wave order. */
    private static List<String> unhealthy(AssignedWave wave, WaveProgress p, List<String> failed) {
        var bad = new LinkedHashSet<>(failed);
        p.observations().stream().filter(o -> !o.healthy()).forEach(o -> bad.add(o.cluster()));
        return wave.clusters().stream().filter(bad::contains).toList();
    }

    private static List<String> inWaveOrder(AssignedWave wave, WaveProgress p, ClusterResult result) {
        return wave.clusters().stream().filter(c -> p.results().get(c) == result).toList();
    }
}
