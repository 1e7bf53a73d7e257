package io.fleetsync.report;

import static io.fleetsync.report.SampleReports.render;
import static io.fleetsync.report.SampleReports.stripAnsi;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportRendererTest {

    static final RenderOptions PLAIN = RenderOptions.PLAIN;

    @Test
    void tableHasAHeaderAndOneRowPerClusterWithItsCounts() {
        var text = render(new TextReportRenderer(PLAIN), SampleReports.plan());

        assertThat(row(text, "CLUSTER")).containsExactly("CLUSTER", "STATUS", "CREATE", "UPDATE", "REPLACE", "DELETE",
                "ADOPT-NEEDED", "UNCHANGED", "ERRORS", "DURATION");
        assertThat(row(text, "prod-eu")).containsExactly("prod-eu", "ok", "1", "2", "1", "1", "1", "1", "0", "1.4s");
        assertThat(row(text, "prod-us")).containsExactly("prod-us", "failed", "0", "0", "0", "0", "0", "0", "1", "250ms");
        assertThat(row(text, "staging")).containsExactly("staging", "partial", "1", "1", "0", "0", "0", "0", "0", "1m15s");
    }

    @Test
    void eachChangeIsListedWithItsSymbolAndEvidence() {
        var text = render(new TextReportRenderer(PLAIN), SampleReports.plan());

        assertThat(text).contains("prod-eu:\n")
                .contains("  + create Deployment.apps/demo/web\n")
                .contains("  ~ update ConfigMap/demo/cfg (spec.template.spec.containers[name=app].image, data.key)\n")
                .contains("  - delete Service/demo/old\n")
                .contains("  ! replace Deployment.apps/demo/api immutable: spec.selector\n")
                .contains("  ? adopt-needed ConfigMap/demo/legacy (owned by target other-app)\n")
                .doesNotContain("Namespace/demo");
    }

    @Test
    void conflictsAreListedUnderTheirChange() {
        var text = render(new TextReportRenderer(PLAIN), SampleReports.plan());

        assertThat(text).contains("(spec.template.spec.containers[name=app].image, data.key)\n"
                + "      conflict: kubectl-edit: data.key\n");
    }

    @Test
    void warningsAndTheFailedClusterErrorAreShown() {
        var text = render(new TextReportRenderer(PLAIN), SampleReports.plan());

        assertThat(text).contains("  warning: target app renders no objects: pruning skipped (--allow-empty to prune)\n")
                .contains("prod-us:\n  FAILED during list: connection refused (https://10.0.0.1:6443)\n");
    }

    @Test
    void closingLineTotalsEveryClusterAndCountsClustersByStatus() {
        var text = render(new TextReportRenderer(PLAIN), SampleReports.plan());

        assertThat(text.lines().toList().getLast()).isEqualTo("Plan: 2 create, 3 update, 1 replace, 1 delete, "
                + "1 adopt-needed, 1 unchanged, 1 error; clusters: 1 ok, 1 partial, 1 failed");
    }

    @Test
    void resultShowsEachOutcomeAndTheErrorOfFailedObjects() {
        var text = render(new TextReportRenderer(PLAIN), SampleReports.result());

        assertThat(text).startsWith("Result (dry-run) · 3 cluster(s)")
                .contains("  + create Deployment.apps/demo/web  [done]\n")
                .contains("  ~ update ConfigMap/demo/cfg (data.key)  [FAILED]\n"
                        + "      error: admission webhook \"policy\" denied the request\n")
                .contains("staging:\n")
                .contains("  PARTIAL during apply: 1 object failed\n");
        assertThat(text.lines().toList().getLast()).contains("; 7 done, 1 failed, 0 skipped;");
    }

    @Test
    void planDoesNotShowOutcomes() {
        var text = render(new TextReportRenderer(PLAIN), SampleReports.plan());

        assertThat(text).doesNotContain("[done]").doesNotContain("[FAILED]");
    }

    @Test
    void noEscapeCodesWhenColoursAreOff() {
        var text = render(new TextReportRenderer(PLAIN.withDiffs(true)), SampleReports.result());

        assertThat(text).doesNotContain("\u001B");
    }

    @Test
    void colouredOutputIsThePlainOutputWithEscapeCodesAdded() {
        var coloured = render(new TextReportRenderer(PLAIN.withColors(true).withDiffs(true)), SampleReports.result());
        var plain = render(new TextReportRenderer(PLAIN.withDiffs(true)), SampleReports.result());

        assertThat(coloured).contains("\u001B[32m+ create Deployment.apps/demo/web\u001B[0m").contains("\u001B[31m");
        assertThat(stripAnsi(coloured)).isEqualTo(plain);
    }

    @Test
    void escapeSequencesFromTheClusterAreDefusedNotPrinted() {
        var hostile = new ClusterReport("evil\u001B]0;pwned\u0007", ClusterReport.Status.FAILED, null, List.of(),
                "denied\u001B[2J\nsecond line", io.fleetsync.plan.ClusterPhase.CONNECT, Duration.ZERO);
        var report = new RunReport(RunReport.Kind.PLAN, false, SampleReports.STARTED, Duration.ZERO,
                List.of(hostile));

        var text = render(new TextReportRenderer(PLAIN), report);

        assertThat(text).doesNotContain("\u001B").doesNotContain("\u0007")
                .contains("FAILED during connect: denied\\u001B[2J second line");
    }

    @Test
    void diffsFollowTheirChangeIndentedOnlyWhenAsked() {
        var without = render(new TextReportRenderer(PLAIN), SampleReports.plan());
        var with = render(new TextReportRenderer(PLAIN.withDiffs(true)), SampleReports.plan());

        assertThat(without).doesNotContain("nginx:1.27").doesNotContain("@@");
        assertThat(with).contains("  + create Deployment.apps/demo/web\n"
                + "      --- Deployment/demo/web (live)\n"
                + "      +++ Deployment/demo/web (desired)\n"
                + "      @@ -1,1 +1,1 @@\n"
                + "      -  image: nginx:1.25\n"
                + "      +  image: nginx:1.27\n");
    }

    @Test
    void secretValuesNeverReachTheTextButTheChangedKeyIsMarked() {
        var text = render(new TextReportRenderer(PLAIN.withDiffs(true)), SampleReports.plan());

        assertThat(text).doesNotContain(SampleReports.SENTINEL).doesNotContain(SampleReports.SENTINEL_B64)
                .contains("~ update Secret/demo/creds (data.password)")
                .contains("      +  password: \"<masked, changed>\"");
    }

    @Test
    void printStreamOutputIsTheSameAndTheStreamStaysOpen() {
        var bytes = new ByteArrayOutputStream();
        var stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        new TextReportRenderer(PLAIN).render(SampleReports.plan(), stream);
        stream.print("after");

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo(render(new TextReportRenderer(PLAIN), SampleReports.plan()) + "after");
    }

    @Test
    void aNoOpClusterGetsItsTableRowAndNoSection() {
        var clusters = new java.util.ArrayList<ClusterReport>();
        for (int i = 0; i < 200; i++) clusters.add(noOp("c-" + i));
        var changed = SampleReports.planWithCreates("c-changed", 1).clusters().getFirst();
        var quiet = new RunReport(RunReport.Kind.PLAN, false, SampleReports.STARTED, Duration.ZERO, clusters);
        clusters.add(changed);
        var oneChanged = new RunReport(RunReport.Kind.PLAN, false, SampleReports.STARTED, Duration.ZERO, clusters);

        var text = render(new TextReportRenderer(PLAIN.withDiffs(true)), quiet);
        var control = render(new TextReportRenderer(PLAIN.withDiffs(true)), oneChanged);

        // Title, blank, header, 200 rows, blank, totals: nothing per cluster beyond its row.
        assertThat(text.lines()).hasSize(205);
        assertThat(text).doesNotContain("c-0:").doesNotContain("c-199:");
        assertThat(control.lines()).as("one section: blank, name, change, 5 diff lines").hasSize(214);
        assertThat(control).contains("\n\nc-changed:\n  + create ConfigMap/demo/cm-0\n").doesNotContain("c-0:");
    }

    private static ClusterReport noOp(String name) {
        var unchanged = io.fleetsync.diff.Change.of(new io.fleetsync.resource.ResourceKey("", "ConfigMap", "demo",
                "cfg"), "app", io.fleetsync.diff.Action.UNCHANGED);
        return new ClusterReport(name, ClusterReport.Status.OK,
                new io.fleetsync.plan.ClusterPlan(name, List.of(unchanged), List.of()), List.of(), null, null,
                Duration.ofMillis(5));
    }

    private static List<String> row(String text, String firstCell) {
        return text.lines().filter(l -> l.startsWith(firstCell + " ")).findFirst()
                .map(l -> List.of(l.trim().split("\\s+"))).orElseThrow();
    }

    @Test
    void departuresSayWhyAndOrphansGetALineOfTheirOwn() {
        var text = render(new TextReportRenderer(PLAIN), SampleReports.departures());

        assertThat(text).contains("  - delete ConfigMap/demo/left (no longer selected by target web)\n")
                .contains("  - delete ConfigMap/demo/orphan (target old removed from the fleet file)\n")
                .contains("  - delete ConfigMap/demo/pruned\n")
                .contains("  orphan: orphaned ApplySet kube-system/fleetsync-applyset-older: target older is no longer"
                        + " in the fleet file; its objects are kept (--prune-orphans deletes them)\n");
    }
}
