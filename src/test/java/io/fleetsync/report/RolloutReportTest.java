package io.fleetsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsync.fleet.ClusterSelector;
import io.fleetsync.fleet.Share;
import io.fleetsync.fleet.Wave;
import io.fleetsync.fleet.WavePick;
import io.fleetsync.rollout.AssignedWave;
import io.fleetsync.rollout.GateDecision;
import io.fleetsync.rollout.HaltReason;
import io.fleetsync.rollout.RolloutOutcome;
import io.fleetsync.rollout.WaveOutcome;
import io.fleetsync.rollout.WaveState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A halted rollout in every output format, from values; the JSON against the published schema. */
class RolloutReportTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private static RunReport halted() {
        var base = SampleReports.result();
        var staging = base.clusters().get(2);
        var held = List.of("prod-eu", "prod-us").stream().map(n -> new ClusterReport(n, ClusterReport.Status.HELD_BACK,
                null, List.of(), null, null, Duration.ZERO)).toList();
        var canary = new AssignedWave(new Wave("canary", new WavePick.Selected(new ClusterSelector(List.of("staging"),
                Map.of())), Optional.of(1), Wave.NO_FAILURES, Duration.ofMinutes(5), Optional.of(Duration.ofMinutes(10))),
                false, List.of("staging"));
        var half = new AssignedWave(new Wave("half", new WavePick.Take(new Share.Percent(50)), Optional.empty(),
                new Share.Percent(10), Duration.ZERO, Optional.empty()), false, List.of("prod-eu"));
        var rest = new AssignedWave(Wave.remaining("remaining"), true, List.of("prod-us"));
        var t = Instant.parse("2026-12-01T12:00:00Z");
        var rollout = new RolloutOutcome(List.of(
                new WaveOutcome(canary, WaveState.HALTED, new GateDecision.Halt(HaltReason.BUDGET_EXCEEDED,
                        List.of("staging")), t, t.plusSeconds(3), 0, List.of()),
                WaveOutcome.heldBack(half), WaveOutcome.heldBack(rest)));
        return new RunReport(base.kind(), false, base.startedAt(), base.duration(),
                List.of(held.get(0), held.get(1), staging), rollout);
    }

    @Test
    void jsonNamesTheHaltAndTheHeldBackClustersAndMatchesTheSchema() throws IOException {
        var doc = mapper.readTree(SampleReports.render(new JsonReportRenderer(RenderOptions.PLAIN), halted()));

        var waves = doc.get("rollout").get("waves");
        assertThat(waves.get(0).get("state").asText()).isEqualTo("halted");
        assertThat(waves.get(0).get("reason").asText()).isEqualTo("budget-exceeded");
        assertThat(waves.get(0).get("haltedBy").get(0).asText()).isEqualTo("staging");
        assertThat(waves.get(0).get("soakMs").asLong()).isEqualTo(300_000);
        assertThat(waves.get(1).get("failureBudget").asText()).isEqualTo("10%");
        assertThat(waves.get(1).get("allowedFailures").asInt()).isZero();
        assertThat(waves.get(2).get("implicit").asBoolean()).isTrue();
        assertThat(doc.get("clusters").get(0).get("status").asText()).isEqualTo("held-back");
        assertThat(doc.get("summary").get("clusters").get("heldBack").asInt()).isEqualTo(2);
        var schema = mapper.readTree(Files.readString(Path.of("docs", "fleetsync-v1alpha1.schema.json")));
        assertThat(new SchemaSubsetValidator(schema).violations(doc)).isEmpty();
        assertThat(new SchemaSubsetValidator(schema).violations(mapper.readTree(SampleReports.render(
                new JsonReportRenderer(RenderOptions.PLAIN), SampleReports.result())))).as("no rollout: null").isEmpty();
    }

    @Test
    void textAndMarkdownListTheWavesAndWhyClustersWereHeldBack() {
        var text = SampleReports.render(new TextReportRenderer(RenderOptions.PLAIN), halted());
        var markdown = SampleReports.render(new MarkdownReportRenderer(RenderOptions.PLAIN), halted());

        assertThat(text).contains("""
                Rollout:
                  canary: 1 cluster (staging); budget 0, soak 5m00s, deadline 10m00s, max 1 in flight
                      halted: 1 of 1 cluster(s) failed (staging), the failure budget allows 0
                  half: 1 cluster (prod-eu); budget 10% (0 of 1), soak none
                      held back: not started because an earlier wave halted
                """).contains("prod-eu:\n  HELD BACK by the rollout: wave half was not started: wave canary halted the"
                        + " rollout (1 of 1 cluster(s) failed (staging), the failure budget allows 0)")
                .contains("1 partial, 0 failed, 2 held back");
        assertThat(markdown).contains("| 1 | canary: 1 cluster (staging); budget 0, soak 5m00s, deadline 10m00s, max 1 in"
                + " flight | staging | halted: 1 of 1 cluster(s) failed (staging), the failure budget allows 0 |")
                .contains("⏸️ held back");
    }
}
