package io.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ShardTest {
    private static List<String> fleet(int size) {
        return IntStream.range(0, size).mapToObj(i -> "cluster-" + i + (i % 3 == 0 ? "-eu" : "-us")).toList();
    }

    private static Map<String, Integer> assign(List<String> clusters, int count) {
        var owners = new HashMap<String, Integer>();
        for (int i = 0; i < count; i++) {
            var shard = new Shard(i, count);
            for (var c : clusters) {
                if (shard.owns(c)) {
                    assertThat(owners.put(c, i)).as("%s owned by two shards", c).isNull();
                }
            }
        }
        return owners;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 16})
    void shardsPartitionTheFleetExactly(int count) {
        var clusters = fleet(500);
        var owners = assign(clusters, count);
        assertThat(owners.keySet()).as("no cluster lost").containsExactlyInAnyOrderElementsOf(clusters);
        var sizes = new int[count];
        owners.values().forEach(s -> sizes[s]++);
        double expected = 500.0 / count;
        for (int size : sizes) {
            assertThat((double) size).as("balanced shards").isBetween(expected * 0.6, expected * 1.4);
        }
    }

    @Test
    void addingOrRemovingAClusterMovesNoOtherCluster() {
        var clusters = new ArrayList<>(fleet(200));
        var before = assign(clusters, 4);
        clusters.add("brand-new-cluster");
        var after = assign(clusters, 4);
        var moved = before.keySet().stream().filter(c -> !before.get(c).equals(after.get(c))).toList();
        assertThat(moved).isEmpty();
        clusters.remove("cluster-17-us");
        var removed = assign(clusters, 4);
        assertThat(clusters.stream().filter(c -> !removed.get(c).equals(after.get(c))).toList()).isEmpty();
    }

    @Test
    void addingAShardMovesOnlyTheClustersTheNewShardTakes() {
        var clusters = fleet(600);
        var three = assign(clusters, 3);
        var four = assign(clusters, 4);
        var moved = clusters.stream().filter(c -> !three.get(c).equals(four.get(c))).toList();
        assertThat(moved).allSatisfy(c -> assertThat(four.get(c)).isEqualTo(3));
        assertThat(moved.size()).isBetween(100, 200); // about a quarter of 600
    }

    @Test
    void assignmentIsStableAcrossRunsAndVersions() {
        // Pinned: a change here reshuffles every sharded deployment, so it must be deliberate.
        var assigned = new HashMap<String, Integer>();
        for (var name : List.of("prod-eu", "prod-us", "staging", "dev-1", "dev-2")) {
            assigned.put(name, Rendezvous.shardOf(name, 3));
        }
        assertThat(assigned).isEqualTo(Map.of("prod-eu", 1, "prod-us", 2, "staging", 2, "dev-1", 1, "dev-2", 2));
    }

    @Test
    void parsesIndexSlashCountAndRejectsNonsense() {
        assertThat(Shard.parse("2/5")).isEqualTo(new Shard(2, 5));
        assertThat(Shard.parse(" 0 / 1 ")).isEqualTo(new Shard(0, 1));
        for (var bad : List.of("3/3", "-1/2", "1", "a/b", "1/0", "1/2/3", "")) {
            assertThatThrownBy(() -> Shard.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void indexedJobEnvironmentGivesTheShard() {
        assertThat(Shard.fromEnvironment(Map.of())).isEmpty();
        assertThat(Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "1", "FLEETSYNC_SHARDS", "3")))
                .contains(new Shard(1, 3));
        assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "1")))
                .hasMessageContaining("FLEETSYNC_SHARDS");
        assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "3", "FLEETSYNC_SHARDS", "3")))
                .hasMessageContaining("outside");
        assertThat(new HashSet<>(List.of(new Shard(0, 2), new Shard(0, 2)))).hasSize(1);
    }
}
