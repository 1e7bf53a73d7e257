package io.fleetsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.manifest.SkippedObject;
import io.fleetsync.manifest.SourceLocation;
import io.fleetsync.plan.ClusterPlan;
import io.fleetsync.resource.ResourceKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Helm hook objects apply leaves out are shown, per cluster and target, by every renderer of plans and results. */
class SkippedHooksRenderingTest {
    private static final String REASON = "Helm hooks are not run by fleetsync";
    private final ObjectMapper mapper = new ObjectMapper();

    private static RunReport report(RunReport.Kind kind) {
        var source = new SourceLocation(Path.of("fleet.yaml"), 12, "helm:charts/web", 3);
        var skipped = List.of(
                new SkippedObject(new ResourceKey("batch", "Job", "web", "web-migrate"), "web",
                        "pre-install,pre-upgrade", SkippedObject.Reason.HELM_HOOK, source),
                new SkippedObject(new ResourceKey("", "Pod", "web", "web-test"), "web", "test",
                        SkippedObject.Reason.HELM_HOOK, source));
        var plan = new ClusterPlan("prod-eu", List.of(Change.of(new ResourceKey("", "ConfigMap", "web", "settings"),
                "web", Action.UNCHANGED)), List.of(), List.of(), skipped);
        var cluster = new ClusterReport("prod-eu", ClusterReport.Status.OK, plan, List.of(), null, null,
                Duration.ofMillis(10));
        return new RunReport(kind, false, SampleReports.STARTED, Duration.ofMillis(10), List.of(cluster));
    }

    @Test
    void textNamesEachSkippedHookWithItsAnnotationAndTheReason() {
        var text = SampleReports.render(new TextReportRenderer(RenderOptions.PLAIN), report(RunReport.Kind.PLAN));

        assertThat(text).contains("  hook: Job.batch/web/web-migrate (target web, helm.sh/hook: pre-install,pre-upgrade):"
                + " skipped: " + REASON).contains("  hook: Pod/web/web-test (target web, helm.sh/hook: test): skipped: "
                + REASON).contains("0 create, 0 update");
    }

    @Test
    void markdownNamesEachSkippedHook() {
        var markdown = SampleReports.render(new MarkdownReportRenderer(RenderOptions.PLAIN),
                report(RunReport.Kind.RESULT));

        assertThat(markdown).contains("Pod/web/web-test (target web, helm.sh/hook: test): skipped: " + REASON)
                .contains("Job.batch/web/web-migrate");
    }

    @Test
    void jsonListsThemWithAStableReasonAndConformsToTheSchema() throws IOException {
        for (var kind : RunReport.Kind.values()) {
            var json = mapper.readTree(SampleReports.render(new JsonReportRenderer(RenderOptions.PLAIN),
                    report(kind)));

            assertThat(json.get("clusters").get(0).get("skipped").toString()).isEqualTo("[{\"group\":\"batch\","
                    + "\"kind\":\"Job\",\"namespace\":\"web\",\"name\":\"web-migrate\",\"subject\":"
                    + "\"Job.batch/web/web-migrate\",\"target\":\"web\",\"hook\":\"pre-install,pre-upgrade\","
                    + "\"reason\":\"helm-hook\",\"message\":\"" + REASON + "\"},{\"group\":\"\",\"kind\":\"Pod\","
                    + "\"namespace\":\"web\",\"name\":\"web-test\",\"subject\":\"Pod/web/web-test\",\"target\":"
                    + "\"web\",\"hook\":\"test\",\"reason\":\"helm-hook\",\"message\":\"" + REASON + "\"}]");
            assertThat(json.get("summary").get("create").asLong()).as("skipped hooks are not changes").isZero();
            assertThat(new SchemaSubsetValidator(mapper.readTree(Files.readString(Path.of("docs",
                    "fleetsync-v1alpha1.schema.json")))).violations(json)).isEmpty();
        }
    }

    @Test
    void aPlanWhoseOnlyNewsIsSkippedHooksHasNoChanges() {
        assertThat(report(RunReport.Kind.PLAN).anyChanges()).isFalse();
    }
}
