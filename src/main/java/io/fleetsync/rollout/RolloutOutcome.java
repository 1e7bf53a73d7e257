package io.fleetsync.rollout;

import java.util.List;
import java.util.Optional;

/** The waves of a run, in order. */
public record RolloutOutcome(List<WaveOutcome> waves) {
    public RolloutOutcome {
        waves = List.copyOf(waves);
    }

    /** The wave that halted the rollout, if one did. */
    public Optional<WaveOutcome> halted() {
        return waves.stream().filter(w -> w.state() == WaveState.HALTED).findFirst();
    }

    /** The wave a cluster belongs to. */
    public Optional<WaveOutcome> waveOf(String cluster) {
        return waves.stream().filter(w -> w.wave().clusters().contains(cluster)).findFirst();
    }
}
