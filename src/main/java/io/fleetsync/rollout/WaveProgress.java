package io.fleetsync.rollout;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the gate knows about a wave whose applies are done.
 *
 * @param results each wave cluster's result
 * @param applyTook from the wave's start until its last cluster finished
 * @param soaked how long the wave has soaked so far
 * @param observations every soak check so far, in order
 * @param stopRequested whether the run was asked to stop
 */
public record WaveProgress(AssignedWave wave, Map<String, ClusterResult> results, Duration applyTook,
                           Duration soaked, List<SoakObservation> observations, boolean stopRequested) {
    public WaveProgress {
        results = Map.copyOf(results);
        observations = List.copyOf(observations);
    }

    public WaveProgress soakedFor(Duration total, List<SoakObservation> all) {
        return new WaveProgress(wave, results, applyTook, total, all, stopRequested);
    }

    public WaveProgress stopped() {
        return new WaveProgress(wave, results, applyTook, soaked, observations, true);
    }
}
