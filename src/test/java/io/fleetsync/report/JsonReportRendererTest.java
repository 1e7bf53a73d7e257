package io.fleetsync.report;

import static io.fleetsync.report.SampleReports.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.diff.ChangeNote;
import io.fleetsync.plan.ClusterPhase;
import io.fleetsync.plan.ClusterPlan;
import io.fleetsync.plan.PlanWarning;
import io.fleetsync.resource.ResourceKey;
import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.result.OutcomeReason;
import java.time.Duration;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportRendererTest {

    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void documentNamesItsVersionKindAndTiming() throws IOException {
        var doc = json(SampleReports.result(), false);

        assertThat(fields(doc)).containsExactly("apiVersion", "kind", "dryRun", "startedAt", "durationMs", "summary",
                "rollout", "clusters");
        assertThat(doc.get("rollout").isNull()).as("no rollout section in the fleet file").isTrue();
        assertThat(doc.get("apiVersion").asText()).isEqualTo("fleetsync.io/v1alpha1");
        assertThat(doc.get("kind").asText()).isEqualTo("Result");
        assertThat(doc.get("dryRun").asBoolean()).isTrue();
        assertThat(doc.get("startedAt").asText()).isEqualTo("2026-11-27T00:30:00Z");
        assertThat(doc.get("durationMs").asLong()).isEqualTo(5_000);
        assertThat(json(SampleReports.plan(), false).get("kind").asText()).isEqualTo("Plan");
    }

    @Test
    void summaryTotalsActionsAndCountsClustersByStatus() throws IOException {
        var summary = json(SampleReports.plan(), false).get("summary");

        assertThat(summary.toString()).isEqualTo("{\"create\":2,\"update\":3,\"replace\":1,\"delete\":1,"
                + "\"adoptNeeded\":1,\"unchanged\":1,\"errors\":1,"
                + "\"clusters\":{\"total\":3,\"ok\":1,\"partial\":1,\"failed\":1,\"heldBack\":0}}");
    }

    @Test
    void clustersKeepFleetOrderWithStatusPhaseErrorAndCounts() throws IOException {
        var clusters = json(SampleReports.plan(), false).get("clusters");

        assertThat(clusters).extracting(c -> c.get("name").asText()).containsExactly("prod-eu", "prod-us", "staging");
        var eu = clusters.get(0);
        assertThat(fields(eu)).containsExactly("name", "status", "phase", "error", "durationMs", "warnings",
                "warningDetails", "orphans", "skipped", "summary",
                "changes");
        assertThat(eu.get("status").asText()).isEqualTo("ok");
        assertThat(eu.get("error").isNull()).isTrue();
        assertThat(eu.get("durationMs").asLong()).isEqualTo(1_400);
        assertThat(eu.get("warnings").get(0).asText()).isEqualTo("target app renders no objects: pruning skipped (--allow-empty to prune)");
        assertThat(eu.get("summary").get("update").asLong()).isEqualTo(2);
        var us = clusters.get(1);
        assertThat(us.get("status").asText()).isEqualTo("failed");
        assertThat(us.get("phase").asText()).isEqualTo("list");
        assertThat(us.get("error").asText()).isEqualTo("connection refused (https://10.0.0.1:6443)");
        assertThat(us.get("changes")).isEmpty();
        assertThat(us.get("summary").get("errors").asLong()).isEqualTo(1);
    }

    @Test
    void changesCarryIdentityLabelAndEvidenceIncludingUnchangedObjects() throws IOException {
        var changes = json(SampleReports.plan(), false).get("clusters").get(0).get("changes");

        assertThat(changes).extracting(c -> c.get("action").asText())
                .containsExactly("create", "update", "update", "replace", "adopt-needed", "unchanged", "delete");
        var update = changes.get(1);
        assertThat(fields(update)).containsExactly("group", "kind", "namespace", "name", "subject", "target",
                "action", "changedPaths", "conflicts", "note", "noteCode", "reason", "diff", "outcome", "heldBack");
        assertThat(update.get("group").asText()).isEmpty();
        assertThat(update.get("kind").asText()).isEqualTo("ConfigMap");
        assertThat(update.get("namespace").asText()).isEqualTo("demo");
        assertThat(update.get("subject").asText()).isEqualTo("ConfigMap/demo/cfg");
        assertThat(update.get("target").asText()).isEqualTo("app");
        assertThat(update.get("changedPaths")).extracting(JsonNode::asText)
                .containsExactly("spec.template.spec.containers[name=app].image", "data.key");
        assertThat(update.get("conflicts")).extracting(JsonNode::asText).containsExactly("kubectl-edit: data.key");
        assertThat(changes.get(4).get("note").asText()).isEqualTo("owned by target other-app");
        assertThat(changes.get(5).get("namespace").asText()).as("cluster-scoped").isEmpty();
    }

    @Test
    void planHasNullOutcomesAndResultHasOneOutcomePerAppliedChange() throws IOException {
        var plan = json(SampleReports.plan(), false).get("clusters").get(2).get("changes");
        var result = json(SampleReports.result(), false).get("clusters").get(2).get("changes");

        assertThat(plan).allSatisfy(c -> assertThat(c.get("outcome").isNull()).isTrue());
        assertThat(result.get(0).get("outcome").toString()).isEqualTo("{\"status\":\"done\",\"error\":null,\"reason\":null}");
        assertThat(result.get(1).get("outcome").toString())
                .isEqualTo("{\"status\":\"failed\",\"error\":\"admission webhook \\\"policy\\\" denied the request\",\"reason\":\"message\"}");
    }

    @Test
    void diffsAreIncludedOnlyWhenAskedAndSecretsStayMasked() throws IOException {
        var without = json(SampleReports.plan(), false).get("clusters").get(0).get("changes");
        var withDiffs = render(new JsonReportRenderer(RenderOptions.PLAIN.withDiffs(true)), SampleReports.plan());

        assertThat(without).allSatisfy(c -> assertThat(c.get("diff").isNull()).isTrue());
        var secret = mapper.readTree(withDiffs).get("clusters").get(0).get("changes").get(2);
        assertThat(secret.get("diff").asText()).contains("+  password: \"<masked, changed>\"");
        assertThat(withDiffs).doesNotContain(SampleReports.SENTINEL).doesNotContain(SampleReports.SENTINEL_B64);
    }

    @Test
    void theWriterIsLeftOpenForTheCaller() throws IOException {
        var out = new StringWriter();

        new JsonReportRenderer(RenderOptions.PLAIN).render(SampleReports.plan(), out);
        out.write("more");

        assertThat(out.toString()).endsWith("}\nmore");
    }

    @Test
    void planAndResultConformToThePublishedSchema() throws IOException {
        var validator = new SchemaSubsetValidator(mapper.readTree(Files.readString(schemaFile())));

        for (var report : List.of(SampleReports.plan(), SampleReports.result())) {
            assertThat(validator.violations(json(report, true))).isEmpty();
        }
    }

    @Test
    void schemaCheckRejectsDocumentsMissingFieldsOrWithUnknownLabels() throws IOException {
        var validator = new SchemaSubsetValidator(mapper.readTree(Files.readString(schemaFile())));
        var doc = (ObjectNode) json(SampleReports.result(), false);
        doc.remove("startedAt");
        var change = (ObjectNode) doc.get("clusters").get(0).get("changes").get(0);
        change.put("action", "CREATE");
        ((ObjectNode) change.get("outcome")).put("status", "DONE");

        assertThat(validator.violations(doc)).containsExactlyInAnyOrder(
                ": missing required field startedAt",
                "/clusters/0/changes/0/action: \"CREATE\" is not one of "
                        + "[\"create\",\"update\",\"replace\",\"delete\",\"adopt-needed\",\"unchanged\"]",
                "/clusters/0/changes/0/outcome: matches 0 of the oneOf options, expected 1");
    }

    @Test
    void departuresCarryAStableReasonAndOrphansAreListedPerCluster() throws IOException {
        var cluster = json(SampleReports.departures(), false).get("clusters").get(0);

        assertThat(cluster.get("changes")).extracting(c -> c.get("subject").asText() + " " + c.get("reason"))
                .containsExactly("ConfigMap/demo/left \"no-longer-selected\"", "ConfigMap/demo/orphan \"removed-from-fleet\"",
                        "ConfigMap/demo/pruned null");
        assertThat(cluster.get("orphans").toString()).isEqualTo("[{\"target\":\"old\",\"parent\":"
                + "\"kube-system/fleetsync-applyset-old\",\"handling\":\"pruned\"},{\"target\":\"older\",\"parent\":"
                + "\"kube-system/fleetsync-applyset-older\",\"handling\":\"kept\"}]");
        assertThat(new SchemaSubsetValidator(mapper.readTree(Files.readString(schemaFile())))
                .violations(json(SampleReports.departures(), false))).isEmpty();
    }

    @Test
    void typedReasonsCarryTheirStableCodesNextToTheirWords() throws IOException {
        var key = new ResourceKey("apps", "Deployment", "demo", "api");
        var replace = new Change(key, "app", Action.REPLACE, List.of("spec.selector"), List.of(), null,
                new ChangeNote.ImmutableField());
        var adopt = new Change(new ResourceKey("", "ConfigMap", "demo", "legacy"), "app", Action.ADOPT_NEEDED,
                List.of(), List.of(), null, new ChangeNote.NotOwned(new ChangeNote.Owner.OtherTarget("web")));
        var plan = new ClusterPlan("prod", List.of(replace, adopt), List.of(new PlanWarning.MaxDeletions(12, 10)));
        var outcomes = List.of(ObjectOutcome.failed(replace, new OutcomeReason.ImmutableField(List.of("spec.selector"))),
                ObjectOutcome.skipped(adopt, new OutcomeReason.NotOwned()));
        var report = new RunReport(RunReport.Kind.RESULT, false, SampleReports.STARTED, Duration.ofSeconds(1),
                List.of(new ClusterReport("prod", ClusterReport.Status.PARTIAL, plan, outcomes, "1 object failed",
                        ClusterPhase.APPLY, Duration.ofSeconds(1))));

        var doc = json(report, false);
        var cluster = doc.get("clusters").get(0);
        var changes = cluster.get("changes");

        assertThat(cluster.get("warnings").get(0).asText())
                .isEqualTo("12 deletions exceed --max-deletions 10: all deletes on this cluster are held back");
        assertThat(cluster.get("warningDetails").toString()).isEqualTo("[{\"code\":\"max-deletions\",\"message\":"
                + "\"12 deletions exceed --max-deletions 10: all deletes on this cluster are held back\"}]");
        assertThat(changes.get(0).get("note").asText())
                .isEqualTo("an immutable field changed; rerun with --force-replace to delete and recreate");
        assertThat(changes.get(0).get("noteCode").asText()).isEqualTo("immutable-field");
        assertThat(changes.get(0).get("outcome").toString()).isEqualTo("{\"status\":\"failed\",\"error\":"
                + "\"immutable field changed (spec.selector); rerun with --force-replace to delete and recreate\","
                + "\"reason\":\"immutable-field\"}");
        assertThat(changes.get(1).get("noteCode").asText()).isEqualTo("not-owned");
        assertThat(changes.get(1).get("outcome").get("reason").asText()).isEqualTo("not-owned");
        var validator = new SchemaSubsetValidator(mapper.readTree(Files.readString(schemaFile())));
        assertThat(validator.violations(doc)).isEmpty();
        // Positive control: the schema knows these codes, so an unknown one is caught.
        ((ObjectNode) changes.get(0)).put("noteCode", "immutable");
        ((ObjectNode) changes.get(0).get("outcome")).put("reason", "immutable");
        ((ObjectNode) cluster.get("warningDetails").get(0)).put("code", "max");
        assertThat(validator.violations(doc)).hasSize(3);
    }

    private JsonNode json(RunReport report, boolean diffs) throws IOException {
        return mapper.readTree(render(new JsonReportRenderer(RenderOptions.PLAIN.withDiffs(diffs)), report));
    }

    private static List<String> fields(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Path schemaFile() {
        // Surefire runs in the module directory.
        return Path.of("docs", "fleetsync-v1alpha1.schema.json");
    }
}
