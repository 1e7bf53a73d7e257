package io.fleetsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsync.health.Health;
import io.fleetsync.health.HealthReason;
import io.fleetsync.health.HealthStatus;
import io.fleetsync.health.HealthWaitResult;
import io.fleetsync.health.ObjectHealth;
import io.fleetsync.health.WaitEnd;
import io.fleetsync.ops.PrometheusText;
import io.fleetsync.ops.RunMetrics;
import io.fleetsync.plan.ClusterPhase;
import io.fleetsync.resource.ResourceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every report format gives each waited object's final health, reason and message; plans show no health. */
class HealthReportTest {
    private static final ObjectHealth WEB = new ObjectHealth(new ResourceKey("apps", "Deployment", "shop", "web"),
            "app", Health.failed(HealthReason.PROGRESS_DEADLINE_EXCEEDED,
            "Progressing=False (ProgressDeadlineExceeded: ReplicaSet \"web-5d8f7\" has timed out progressing.)"),
            false);
    private static final ObjectHealth CFG = new ObjectHealth(new ResourceKey("", "ConfigMap", "shop", "cfg"), "app",
            Health.current(HealthReason.DATA_KIND, "written"), false);
    private static final ObjectHealth DB = new ObjectHealth(new ResourceKey("example.com", "Database", "shop", "db"),
            "app", Health.inProgress(HealthReason.GENERATION_NOT_OBSERVED,
            "status is of generation 1, the apply produced generation 2"), true);

    private static RunReport waited() {
        var base = SampleReports.result();
        var clusters = new ArrayList<>(base.clusters());
        var eu = clusters.get(0);
        var health = new HealthWaitResult(WaitEnd.FAILED, List.of(CFG, WEB, DB), Duration.ofSeconds(12), 7);
        clusters.set(0, new ClusterReport(eu.cluster(), ClusterReport.Status.FAILED, eu.plan(), eu.outcomes(),
                health.problem(), ClusterPhase.WAIT, eu.duration(), health));
        return new RunReport(base.kind(), base.dryRun(), base.startedAt(), base.duration(), clusters);
    }

    @Test
    void jsonGivesEachObjectsHealthAndConformsToTheSchema() throws IOException {
        var mapper = new ObjectMapper();
        var doc = mapper.readTree(SampleReports.render(new JsonReportRenderer(RenderOptions.PLAIN), waited()));
        var validator = new SchemaSubsetValidator(mapper.readTree(Files.readString(
                Path.of("docs", "fleetsync-v1alpha1.schema.json"))));

        assertThat(validator.violations(doc)).isEmpty();
        var eu = doc.get("clusters").get(0);
        assertThat(eu.get("phase").asText()).isEqualTo("wait");
        assertThat(eu.get("health").get("end").asText()).isEqualTo("failed");
        var web = eu.get("health").get("objects").get(1);
        assertThat(web.get("subject").asText()).isEqualTo("Deployment.apps/shop/web");
        assertThat(web.get("status").asText()).isEqualTo("Failed");
        assertThat(web.get("reason").asText()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(eu.get("health").get("objects").get(2).get("timedOut").asBoolean()).isTrue();
        assertThat(doc.get("clusters").get(1).has("health")).as("a cluster not waited for has no health").isFalse();
        // Positive control for the schema: a health status outside the enum is caught.
        ((com.fasterxml.jackson.databind.node.ObjectNode) web).put("status", "FAILED");
        assertThat(validator.violations(doc)).isNotEmpty();
    }

    @Test
    void textAndMarkdownNameTheObjectReasonAndMessage() {
        var text = SampleReports.stripAnsi(SampleReports.render(new TextReportRenderer(RenderOptions.PLAIN), waited()));
        assertThat(text).contains("health: 1 Current, 1 InProgress, 1 Failed, 1 timed out (waited 12.0s)",
                "Deployment.apps/shop/web  Failed  ProgressDeadlineExceeded: Progressing=False",
                "Database.example.com/shop/db  InProgress (timed out)  GenerationNotObserved",
                "FAILED during wait: unhealthy: Deployment.apps/shop/web failed");

        var md = SampleReports.render(new MarkdownReportRenderer(RenderOptions.PLAIN), waited());
        assertThat(md).contains("health: 1 Current, 1 InProgress, 1 Failed", "❌ `Deployment.apps/shop/web`",
                "ProgressDeadlineExceeded", "GenerationNotObserved");
        assertThat(md).as("Current objects are counted, not listed").doesNotContain("`ConfigMap/shop/cfg` Current");
    }

    @Test
    void metricsCountWaitedObjectsByHealth() {
        var text = PrometheusText.of(RunMetrics.of(waited(), Optional.empty(), Instant.EPOCH).all());
        assertThat(text).contains("fleetsync_cluster_health_objects{", "health=\"failed\"} 1",
                "fleetsync_cluster_health_timed_out_objects{", "fleetsync_cluster_health_wait_seconds{");
        var plain = PrometheusText.of(RunMetrics.of(SampleReports.result(), Optional.empty(), Instant.EPOCH).all());
        assertThat(plain).doesNotContain("fleetsync_cluster_health");
    }

    @Test
    void aPlanIsRenderedAsBefore() {
        var plan = SampleReports.plan();
        assertThat(SampleReports.render(new JsonReportRenderer(RenderOptions.PLAIN), plan)).doesNotContain("health");
        assertThat(SampleReports.render(new TextReportRenderer(RenderOptions.PLAIN), plan)).doesNotContain("health:");
        assertThat(HealthStatus.values()).hasSize(6);
    }
}
