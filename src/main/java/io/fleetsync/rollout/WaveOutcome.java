package io.fleetsync.rollout;

import java.time.Instant;
import java.util.List;

/**
 * One wave of a run, for the report.
 *
 * @param decision the gate's final decision; null for a planned or held-back wave
 * @param startedAt when its first cluster was started; null when it never started
 * @param finishedAt when the gate decided; null when it never started
 * @param soakChecks how many soak checks ran (0: the wave was not soaked)
 * @param unhealthy soak checks that found a problem
 */
public record WaveOutcome(AssignedWave wave, WaveState state, GateDecision decision, Instant startedAt,
                          Instant finishedAt, int soakChecks, List<SoakObservation> unhealthy) {
    public WaveOutcome {
        unhealthy = List.copyOf(unhealthy);
    }

    public static WaveOutcome planned(AssignedWave wave) {
        return new WaveOutcome(wave, WaveState.PLANNED, null, null, null, 0, List.of());
    }

    public static WaveOutcome heldBack(AssignedWave wave) {
        return new WaveOutcome(wave, WaveState.HELD_BACK, null, null, null, 0, List.of());
    }
}
