package io.fleetsync.report;

import io.fleetsync.result.OutcomeReason;
import io.fleetsync.plan.ClusterPhase;

import static io.fleetsync.report.SampleReports.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.diff.HoldBack;
import io.fleetsync.plan.ClusterPlan;
import io.fleetsync.resource.ResourceKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Held-back deletes and blocked writes read the same in text, Markdown and JSON; JSON carries a stable code. */
class HoldBackRenderingTest {
    private final Change crd = Change.of(new ResourceKey("apiextensions.k8s.io", "CustomResourceDefinition", "",
            "widgets.example.com"), "app", Action.DELETE).withHeldBack(new HoldBack(
            HoldBack.Reason.CRD_HAS_FOREIGN_RESOURCES, 3, "Widget.example.com/team-a/w1"));
    private final Change cm = Change.of(new ResourceKey("", "ConfigMap", "demo", "cfg"), "app", Action.CREATE)
            .withHeldBack(new HoldBack(HoldBack.Reason.NAMESPACE_TERMINATING, 0, "demo"));
    private final Change ns = Change.of(new ResourceKey("", "Namespace", "", "old"), "app", Action.DELETE);

    @Test
    void textShowsTheHoldBackOnThePlanLineAndTheOutcome() {
        var text = render(new TextReportRenderer(RenderOptions.PLAIN), result());

        assertThat(text).contains("- delete CustomResourceDefinition.apiextensions.k8s.io/widgets.example.com  "
                        + "held back: 3 Widget objects fleetsync does not own or still applies, "
                        + "e.g. Widget.example.com/team-a/w1  [held back]\n")
                .contains("+ create ConfigMap/demo/cfg  blocked: namespace demo is being deleted  [FAILED]\n"
                        + "      error: not written: namespace demo is being deleted (apply --wait-for-deletion")
                .contains("- delete Namespace/old  [held back]\n      reason: held back: namespace old holds 1 object "
                        + "fleetsync does not own or still applies, e.g. ConfigMap/old/late");
    }

    @Test
    void markdownShowsTheSameWords() {
        var md = render(new MarkdownReportRenderer(RenderOptions.PLAIN), result());

        assertThat(md).contains("held back: 3 Widget objects fleetsync does not own or still applies")
                .contains("blocked: namespace demo is being deleted")
                .contains("skipped: held back: namespace old holds 1 object");
    }

    @Test
    void jsonCarriesAStableCodeTheCountAndAnExampleAndConformsToTheSchema() throws Exception {
        var mapper = new ObjectMapper();
        var doc = mapper.readTree(render(new JsonReportRenderer(RenderOptions.PLAIN), result()));
        var changes = doc.get("clusters").get(0).get("changes");

        var crdHeld = changes.get(0).get("heldBack");
        assertThat(crdHeld.get("reason").asText()).isEqualTo("crd-has-foreign-resources");
        assertThat(crdHeld.get("count").asLong()).isEqualTo(3);
        assertThat(crdHeld.get("example").asText()).isEqualTo("Widget.example.com/team-a/w1");
        assertThat(changes.get(0).get("outcome").get("error").asText()).startsWith("held back: 3 Widget objects");
        assertThat(changes.get(1).get("heldBack").get("reason").asText()).isEqualTo("namespace-terminating");
        assertThat(changes.get(1).get("outcome").get("error").asText()).contains("--wait-for-deletion");
        assertThat(changes.get(2).get("heldBack").get("reason").asText()).as("found only when apply re-checked")
                .isEqualTo("namespace-not-empty");
        assertThat(doc.get("clusters").get(0).get("summary").get("errors").asLong()).isEqualTo(1);
        var schema = mapper.readTree(Files.readString(Path.of("docs", "fleetsync-v1alpha1.schema.json")));
        assertThat(new SchemaSubsetValidator(schema).violations(doc)).isEmpty();
    }

    private RunReport result() {
        var plan = new ClusterPlan("prod", List.of(crd, cm, ns), List.of());
        var lateHoldBack = ns.withHeldBack(new HoldBack(HoldBack.Reason.NAMESPACE_NOT_EMPTY, 1, "ConfigMap/old/late"));
        var outcomes = List.of(ObjectOutcome.heldBack(crd), ObjectOutcome.failed(cm, (OutcomeReason) null),
                ObjectOutcome.heldBack(lateHoldBack));
        var cluster = new ClusterReport("prod", ClusterReport.Status.PARTIAL, plan, outcomes, "1 object failed",
                ClusterPhase.APPLY, Duration.ofSeconds(1));
        return new RunReport(RunReport.Kind.RESULT, false, Instant.parse("2026-12-01T20:00:00Z"),
                Duration.ofSeconds(1), List.of(cluster));
    }
}
