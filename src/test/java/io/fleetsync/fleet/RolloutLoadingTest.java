package io.fleetsync.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fleetsync.input.InputException;
import io.fleetsync.input.InputProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet file's {@code rollout:} section: what it loads to, and every error with its line and field. */
class RolloutLoadingTest {
    private static final String FLEET = """
            clusters:
              - {name: canary, server: "https://10.0.0.1:6443", tokenEnv: T, labels: {ring: "0"}}
              - {name: eu-1, server: "https://10.0.0.2:6443", tokenEnv: T, labels: {ring: "1"}}
              - {name: eu-2, server: "https://10.0.0.3:6443", tokenEnv: T, labels: {ring: "1"}}
            targets:
              - name: base
                clusters: {labels: {ring: "1"}, names: [canary]}
                resources: [base.yaml]
            """;

    @TempDir
    Path dir;

    private final FleetLoader loader = new FleetLoader(Map.of("T", "token"), Path.of("/nonexistent"));

    @Test
    void wavesLoadWithSelectorsCountsBudgetsAndDurations() throws Exception {
        var fleet = load("""
                rollout:
                  waves:
                    - name: canary
                      clusters: {names: [canary]}
                      maxInFlight: 1
                      soak: 2m
                      deadline: 10m
                    - count: 50%
                      failureBudget: 25%
                    - {name: two, count: 2, failureBudget: 1}
                """);

        var waves = fleet.rollout().waves();
        assertThat(waves).hasSize(3);
        var canary = waves.get(0);
        assertThat(canary.name()).isEqualTo("canary");
        assertThat(canary.pick()).isInstanceOf(WavePick.Selected.class);
        assertThat(canary.maxInFlight()).contains(1);
        assertThat(canary.failureBudget()).isEqualTo(new Share.Absolute(0));
        assertThat(canary.soak()).isEqualTo(Duration.ofMinutes(2));
        assertThat(canary.deadline()).contains(Duration.ofMinutes(10));
        assertThat(waves.get(1).name()).as("default name: its position").isEqualTo("wave-2");
        assertThat(waves.get(1).pick()).isEqualTo(new WavePick.Take(new Share.Percent(50)));
        assertThat(waves.get(1).failureBudget()).isEqualTo(new Share.Percent(25));
        assertThat(waves.get(1).soak()).isZero();
        assertThat(waves.get(1).deadline()).isEqualTo(Optional.empty());
        assertThat(waves.get(2).pick()).isEqualTo(new WavePick.Take(new Share.Absolute(2)));
        assertThat(waves.get(2).failureBudget()).isEqualTo(new Share.Absolute(1));
    }

    @Test
    void noRolloutSectionMeansNoWaves() throws Exception {
        assertThat(load("").rollout().isEmpty()).isTrue();
    }

    @Test
    void everyProblemNamesLineAndField() throws Exception {
        var e = loadFailing("""
                rollout:
                  waves:
                    - name: Canary
                      clusters: {names: [nowhere]}
                    - count: 0
                    - count: 150%
                      failureBudget: -1
                    - clusters: {names: [eu-1]}
                      count: 1
                    - name: remaining
                      count: 1
                      maxInFlight: 0
                      soak: soon
                      deadline: 0s
                    - {name: dup, count: 1}
                    - {name: dup, count: 1, failureBudget: "x%"}
                    - {clusters: {labels: {ring: "9"}}}
                """);

        assertThat(e.problems()).extracting(p -> p.line() + " " + p.field() + ": " + p.message()).containsExactly(
                "11 rollout.waves[0].name: wave name 'Canary' must be a DNS-1123 label: at most 63 lower-case letters,"
                        + " digits or '-', starting and ending with a letter or digit",
                "12 rollout.waves[0].clusters.names[0]: unknown cluster 'nowhere' (clusters: canary, eu-1, eu-2)",
                "13 rollout.waves[1].count: count is a number (at least 1) or a percentage like \"25%\", was 0",
                "14 rollout.waves[2].count: count is a number (at least 1) or a percentage like \"25%\", was '150%'",
                "15 rollout.waves[2].failureBudget: failureBudget is a number (at least 0) or a percentage like"
                        + " \"25%\", was -1",
                "16 rollout.waves[3]: a wave takes its clusters with exactly one of 'clusters' (names and/or labels)"
                        + " or 'count' (a number or percentage of the clusters not yet placed)",
                "18 rollout.waves[4].name: wave name 'remaining' is reserved for the implicit last wave (clusters no"
                        + " wave selects)",
                "20 rollout.waves[4].maxInFlight: maxInFlight must be at least 1, was 0",
                "21 rollout.waves[4].soak: 'soon' is not a duration (use e.g. 30s, 5m, 1h30m)",
                "22 rollout.waves[4].deadline: must be positive, was '0s'",
                "24 rollout.waves[6].name: duplicate wave name 'dup' (also rollout.waves[5])",
                "24 rollout.waves[6].failureBudget: failureBudget is a number (at least 0) or a percentage like"
                        + " \"25%\", was 'x%'",
                "25 rollout.waves[7].clusters: selects no cluster");
    }

    @Test
    void unknownWaveFieldAndEmptyWaves() throws Exception {
        assertThat(loadFailing("""
                rollout:
                  waves:
                    - {count: 1, soakTime: 5m}
                """).problems()).extracting(InputProblem::field, InputProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rollout.waves[0].soakTime", 11));
        assertThat(loadFailing("""
                rollout:
                  waves: []
                """).problems()).extracting(p -> p.field() + ": " + p.message())
                .containsExactly("rollout.waves: no waves listed");
    }

    private Fleet load(String rollout) throws IOException, InputException {
        Files.writeString(dir.resolve("base.yaml"), "");
        var file = dir.resolve("fleet.yaml");
        Files.writeString(file, FLEET + rollout);
        return loader.load(file);
    }

    private InputException loadFailing(String rollout) {
        return catchThrowableOfType(InputException.class, () -> load(rollout));
    }
}
