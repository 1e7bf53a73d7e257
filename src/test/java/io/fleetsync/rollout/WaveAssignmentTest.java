package io.fleetsync.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.ClusterSelector;
import io.fleetsync.fleet.Connection;
import io.fleetsync.fleet.Rollout;
import io.fleetsync.fleet.Share;
import io.fleetsync.fleet.Wave;
import io.fleetsync.fleet.WavePick;
import io.fleetsync.ops.Shard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WaveAssignmentTest {

    static Cluster cluster(String name, String ring) {
        return new Cluster(name, Map.of("ring", ring), new Connection.Kubeconfig(Path.of("kubeconfig"), name, false));
    }

    static Wave wave(String name, WavePick pick) {
        return new Wave(name, pick, Optional.empty(), Wave.NO_FAILURES, Duration.ZERO, Optional.empty());
    }

    static WavePick names(String... names) {
        return new WavePick.Selected(new ClusterSelector(List.of(names), Map.of()));
    }

    static WavePick ring(String ring) {
        return new WavePick.Selected(new ClusterSelector(List.of(), Map.of("ring", ring)));
    }

    static WavePick percent(int p) {
        return new WavePick.Take(new Share.Percent(p));
    }

    private final List<Cluster> fleet = List.of(cluster("a", "0"), cluster("b", "1"), cluster("c", "1"),
            cluster("d", "2"), cluster("e", "2"));

    private static List<List<String>> clusters(List<AssignedWave> waves) {
        return waves.stream().map(AssignedWave::clusters).toList();
    }

    @Test
    void aClusterTwoWavesSelectGoesToTheFirstAndTheRestToAnImplicitLastWave() {
        var waves = WaveAssignment.assign(new Rollout(List.of(wave("canary", names("a", "b")), wave("ring-1", ring("1")))),
                fleet);

        assertThat(clusters(waves)).containsExactly(List.of("a", "b"), List.of("c"), List.of("d", "e"));
        assertThat(waves).extracting(AssignedWave::implicit).containsExactly(false, false, true);
        assertThat(waves.get(2).name()).isEqualTo("remaining");
        assertThat(waves.get(2).wave().failureBudget()).isEqualTo(Wave.NO_FAILURES);
    }

    @Test
    void noImplicitWaveWhenEveryClusterIsPlaced() {
        var waves = WaveAssignment.assign(new Rollout(List.of(wave("all", percent(100)))), fleet);

        assertThat(clusters(waves)).containsExactly(List.of("a", "b", "c", "d", "e"));
    }

    @Test
    void percentagesOfTheClustersNotYetPlacedRoundUp() {
        // 10% of 5 is 0.5: rounded up to 1, so a canary written as a percentage always gets a cluster.
        var waves = WaveAssignment.assign(new Rollout(List.of(wave("canary", percent(10)), wave("half", percent(50)),
                wave("third", percent(34)))), fleet);

        // 50% of the 4 left is 2; 34% of the 2 left is 0.68, rounded up to 1.
        assertThat(clusters(waves)).containsExactly(List.of("a"), List.of("b", "c"), List.of("d"), List.of("e"));
        assertThat(WaveAssignment.take(new Share.Percent(1), 0)).isZero();
        assertThat(WaveAssignment.take(new Share.Percent(99), 3)).isEqualTo(3);
        assertThat(WaveAssignment.take(new Share.Absolute(9), 3)).as("a count larger than what is left").isEqualTo(3);
    }

    @Test
    void aWaveWhoseClustersEarlierWavesTookIsEmpty() {
        var waves = WaveAssignment.assign(new Rollout(List.of(wave("all-ring-1", ring("1")), wave("b-again", names("b")))),
                fleet);

        assertThat(clusters(waves)).containsExactly(List.of("b", "c"), List.of(), List.of("a", "d", "e"));
    }

    @Test
    void shardsAreAssignedWaveByWaveOverTheirOwnClusters() {
        var many = IntStream.range(0, 40).mapToObj(i -> cluster("c" + i, i < 4 ? "0" : "1")).toList();
        var rollout = new Rollout(List.of(wave("canary", ring("0")), wave("tenth", percent(10))));
        var whole = WaveAssignment.assign(rollout, many);
        int placedInCanary = 0;
        for (int i = 0; i < 3; i++) {
            var shard = new Shard(i, 3);
            var mine = many.stream().filter(c -> shard.owns(c.name())).toList();
            var waves = WaveAssignment.assign(rollout, mine);
            // Label waves pick the same clusters in every shard; a percentage is of the shard's own clusters.
            assertThat(waves.get(0).clusters()).allMatch(whole.get(0).clusters()::contains);
            placedInCanary += waves.get(0).clusters().size();
            int left = mine.size() - waves.get(0).clusters().size();
            assertThat(waves.get(1).clusters()).hasSize((int) Math.ceil(left / 10.0));
            assertThat(waves.stream().mapToInt(w -> w.clusters().size()).sum()).isEqualTo(mine.size());
        }
        assertThat(placedInCanary).isEqualTo(4);
    }
}
