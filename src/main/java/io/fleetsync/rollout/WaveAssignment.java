package io.fleetsync.rollout;

import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.Rollout;
import io.fleetsync.fleet.Share;
import io.fleetsync.fleet.Wave;
import io.fleetsync.fleet.WavePick;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Places the clusters of a run (after {@code --cluster}, {@code --target} and {@code --shard}) into the rollout's
 * waves, in order: each wave takes from the clusters no earlier wave placed, so a cluster two waves select goes to
 * the first; what no wave takes goes to an implicit last wave.
 */
public final class WaveAssignment {
    /** Name of the implicit last wave (the fleet file may not use it). */
    public static final String REMAINING = Wave.REMAINING;

    private WaveAssignment() {
    }

    public static List<AssignedWave> assign(Rollout rollout, List<Cluster> clusters) {
        var left = new LinkedHashSet<>(clusters);
        var waves = new ArrayList<AssignedWave>();
        for (var wave : rollout.waves()) {
            var taken = switch (wave.pick()) {
                case WavePick.Selected s -> left.stream().filter(s.selector()::selects).toList();
                case WavePick.Take t -> left.stream().limit(take(t.share(), left.size())).toList();
                case WavePick.Rest r -> List.copyOf(left);
            };
            taken.forEach(left::remove);
            waves.add(new AssignedWave(wave, false, taken.stream().map(Cluster::name).toList()));
        }
        if (!left.isEmpty()) {
            waves.add(new AssignedWave(Wave.remaining(REMAINING), true, left.stream().map(Cluster::name).toList()));
        }
        return waves;
    }

    /**
     * Clusters a count takes from {@code left}. A percentage rounds up, like a Deployment's maxSurge: 10% of 5
     * clusters is 1, so a canary wave written as a percentage never silently takes no cluster at all.
     */
    static int take(Share share, int left) {
        return switch (share) {
            case Share.Absolute a -> Math.min(a.count(), left);
            case Share.Percent p -> (int) Math.min(left, Math.ceilDiv((long) p.percent() * left, 100));
        };
    }
}
