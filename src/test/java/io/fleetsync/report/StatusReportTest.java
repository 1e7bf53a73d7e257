package io.fleetsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsync.health.Health;
import io.fleetsync.health.HealthReason;
import io.fleetsync.health.HealthWaitResult;
import io.fleetsync.health.ObjectHealth;
import io.fleetsync.ops.PrometheusText;
import io.fleetsync.ops.RunMetrics;
import io.fleetsync.resource.ResourceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code fleetsync status} in every format: the plan's changes (drift) plus every owned object's health. */
class StatusReportTest {
    private static final ObjectHealth WEB = new ObjectHealth(new ResourceKey("apps", "Deployment", "shop", "web"),
            "app", Health.failed(HealthReason.PROGRESS_DEADLINE_EXCEEDED,
            "Progressing=False (ProgressDeadlineExceeded: ReplicaSet \"web-5d8f7\" has timed out progressing.)"),
            false);
    private static final ObjectHealth CFG = new ObjectHealth(new ResourceKey("", "ConfigMap", "shop", "cfg"), "app",
            Health.current(HealthReason.DATA_KIND, "written"), false);

    /** The sample plan (prod-eu has changes, the others none) read as a status: prod-eu has a Failed object. */
    private static RunReport status() {
        var plan = SampleReports.plan();
        var clusters = plan.clusters().stream().map(c -> new ClusterReport(c.cluster(), c.status(), c.plan(),
                c.outcomes(), c.error(), c.phase(), c.duration(), HealthWaitResult.read(
                c == plan.clusters().get(0) ? List.of(CFG, WEB) : List.of(CFG)))).toList();
        return new RunReport(RunReport.Kind.STATUS, false, plan.startedAt(), plan.duration(), clusters);
    }

    @Test
    void jsonIsAStatusWithEachOwnedObjectsHealthAndConformsToTheSchema() throws IOException {
        var mapper = new ObjectMapper();
        var doc = mapper.readTree(SampleReports.render(new JsonReportRenderer(RenderOptions.PLAIN), status()));
        var validator = new SchemaSubsetValidator(mapper.readTree(Files.readString(
                Path.of("docs", "fleetsync-v1alpha1.schema.json"))));

        assertThat(validator.violations(doc)).isEmpty();
        assertThat(doc.get("kind").asText()).isEqualTo("Status");
        var eu = doc.get("clusters").get(0);
        assertThat(eu.get("health").get("end").asText()).isEqualTo("read");
        assertThat(eu.get("health").get("objects").get(1).get("reason").asText()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(eu.get("changes")).as("the drift part is the plan's changes").isNotEmpty();
        // Positive control for the schema: an end outside the enum is caught.
        ((com.fasterxml.jackson.databind.node.ObjectNode) eu.get("health")).put("end", "looked");
        assertThat(validator.violations(doc)).isNotEmpty();
    }

    @Test
    void textAndMarkdownShowHealthWithoutAWaitAndTheDrift() {
        var text = SampleReports.stripAnsi(SampleReports.render(new TextReportRenderer(RenderOptions.PLAIN),
                status()));
        assertThat(text).contains("Status", "health: 1 Current, 1 Failed",
                "Deployment.apps/shop/web  Failed  ProgressDeadlineExceeded: Progressing=False")
                .doesNotContain("waited");
        var planText = SampleReports.stripAnsi(SampleReports.render(new TextReportRenderer(RenderOptions.PLAIN),
                SampleReports.plan()));
        var firstChange = SampleReports.plan().clusters().get(0).plan().changes().get(0).key().subject();
        assertThat(text).as("the drift is shown as plan shows it").contains(firstChange);
        assertThat(planText).contains(firstChange);

        var md = SampleReports.render(new MarkdownReportRenderer(RenderOptions.PLAIN), status());
        assertThat(md).contains("health: 1 Current, 1 Failed", "`Deployment.apps/shop/web`",
                "ProgressDeadlineExceeded").doesNotContain("waited");
    }

    @Test
    void metricsCountOwnedObjectsByHealthAndDriftPerCluster() {
        var text = PrometheusText.of(RunMetrics.of(status(), Optional.empty(), Instant.EPOCH).all());
        var euChanges = SampleReports.plan().clusters().get(0).plan().changes().stream()
                .filter(c -> c.action().isChange() && !c.isHeldBackDelete()).count();
        assertThat(euChanges).isPositive();
        assertThat(text).contains("command=\"status\"",
                "fleetsync_cluster_health_objects{cluster=\"prod-eu\",command=\"status\",health=\"failed\"} 1",
                "fleetsync_cluster_drift_changes{cluster=\"prod-eu\",command=\"status\"} " + euChanges,
                "fleetsync_cluster_drift_changes{cluster=\"staging\",command=\"status\"} ");
        assertThat(text).as("prod-us failed before its plan: its drift is unknown, not 0")
                .doesNotContain("fleetsync_cluster_drift_changes{cluster=\"prod-us\"");
        // Positive control: a plan carries no drift family (it is status's own).
        var plan = PrometheusText.of(RunMetrics.of(SampleReports.plan(), Optional.empty(), Instant.EPOCH).all());
        assertThat(plan).doesNotContain("fleetsync_cluster_drift_changes").contains("command=\"plan\"");
    }

    @Test
    void markdownShowsAnUnhealthyClusterThatHasNoChanges() {
        var plan = SampleReports.plan();
        var quiet = plan.clusters().get(2);
        var converged = new ClusterReport(quiet.cluster(), ClusterReport.Status.OK,
                quiet.plan() == null ? null : quiet.plan().withChanges(List.of()), List.of(), null, null,
                quiet.duration(), HealthWaitResult.read(List.of(CFG, WEB)));
        var report = new RunReport(RunReport.Kind.STATUS, false, plan.startedAt(), plan.duration(),
                List.of(converged));
        var md = SampleReports.render(new MarkdownReportRenderer(RenderOptions.PLAIN), report);
        assertThat(md).contains("❌ `Deployment.apps/shop/web`", "ProgressDeadlineExceeded");
        // Positive control: the same cluster all Current has nothing beyond its table row.
        var healthy = new RunReport(RunReport.Kind.STATUS, false, plan.startedAt(), plan.duration(),
                List.of(new ClusterReport(converged.cluster(), converged.status(), converged.plan(), List.of(), null,
                        null, converged.duration(), HealthWaitResult.read(List.of(CFG)))));
        assertThat(SampleReports.render(new MarkdownReportRenderer(RenderOptions.PLAIN), healthy))
                .doesNotContain("<details>");
    }
}
