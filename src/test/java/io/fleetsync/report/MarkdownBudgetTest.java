package io.fleetsync.report;

import io.fleetsync.plan.ClusterPhase;

import static io.fleetsync.report.SampleReports.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.diff.YamlDiff;
import io.fleetsync.plan.ClusterPlan;
import io.fleetsync.resource.ResourceKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** A Markdown plan measured against its byte budget, and clusters with the same changes shown once. */
class MarkdownBudgetTest {

    static final RenderOptions WITH_DIFFS = RenderOptions.PLAIN.withDiffs(true);
    static final YamlDiff YAML = new YamlDiff();

    @Test
    void thirtyTwoPrunedCrdsWithDiffsFitOneCommentAndEachDeleteIsSummarised() {
        var deletes = new ArrayList<Change>();
        for (int i = 0; i < 32; i++) deletes.add(crdChange("widget" + i, Action.DELETE, 100, "old", null));
        var report = report(List.of(cluster("prod-eu", deletes)));
        long unlimited = bytes(render(new MarkdownReportRenderer(WITH_DIFFS.withMaxBytes(0)), report));
        long textBytes = bytes(render(new TextReportRenderer(WITH_DIFFS), report));

        var md = render(new MarkdownReportRenderer(WITH_DIFFS), report);

        assertThat(textBytes).as("the diffs in text output really are the whole objects").isGreaterThan(3_000_000);
        assertThat(bytes(md)).isLessThanOrEqualTo(RenderOptions.DEFAULT_MAX_BYTES);
        for (int i = 0; i < 32; i++) {
            assertThat(md).contains("- `- delete CustomResourceDefinition.apiextensions.k8s.io/widget" + i
                    + ".example.com`\n  - removes the live object: ");
        }
        assertThat(md).doesNotContain("openAPIV3Schema").doesNotContain("field7");
        assertThat(lastLine(md)).contains("32 deletes summarised without the live object")
                .contains("`fleetsync plan -o text --diff` (or `-o json`) shows it all");
        assertThat(unlimited).as("no limit still never prints a pruned object").isLessThan(20_000);
    }

    @Test
    void largeDiffsGiveWayLargestFirstAndTheLastLineCountsThem() {
        // Five clusters whose CRD updates differ (their schemas carry the cluster's region), so nothing groups.
        var clusters = new ArrayList<ClusterReport>();
        for (int c = 0; c < 5; c++) {
            var changes = new ArrayList<Change>();
            for (int i = 0; i < 6; i++) {
                changes.add(crdChange("widget" + i, Action.UPDATE, 50, "region-" + (char) ('a' + c), "v2"));
            }
            changes.add(SampleReports.change("", "ConfigMap", "small-" + c, Action.UPDATE, List.of("data.key"),
                    List.of(), null));
            clusters.add(cluster("prod-" + c, changes));
        }
        var report = report(clusters);

        var md = render(new MarkdownReportRenderer(WITH_DIFFS), report);
        var unlimited = render(new MarkdownReportRenderer(WITH_DIFFS.withMaxBytes(0)), report);

        assertThat(bytes(unlimited)).as("the full report does not fit").isGreaterThan(3 * RenderOptions.DEFAULT_MAX_BYTES);
        assertThat(bytes(md)).isLessThanOrEqualTo(RenderOptions.DEFAULT_MAX_BYTES);
        long shown = md.lines().filter(l -> l.equals("  ```diff")).count();
        assertThat(md).as("each small diff stays; the 50 kB ones go first")
                .contains("  --- ConfigMap/demo/small-0 (live)").contains("  --- ConfigMap/demo/small-4 (live)");
        assertThat(lastLine(md)).contains("diffs of " + (35 - shown) + " objects omitted");
        assertThat(shown).isBetween(5L, 34L);
        assertThat(md).as("every change is still listed")
                .contains("- `~ update CustomResourceDefinition.apiextensions.k8s.io/widget5.example.com`");
        assertThat(md.lines().filter(l -> l.startsWith("- `~ update"))).hasSize(35);
    }

    @Test
    void longDiffsAreCollapsedAndCutToTheLineCap() {
        var report = report(List.of(cluster("prod-eu", List.of(crdChange("widget", Action.UPDATE, 100, "a", "b")))));

        var md = render(new MarkdownReportRenderer(WITH_DIFFS.withMaxBytes(200_000)), report);

        assertThat(md).containsPattern("\n  <details><summary>diff, [0-9,]+ lines</summary>\n\n  ```diff\n");
        assertThat(md).containsPattern("\n  ```\n  … [0-9,]+ more lines not shown\n\n  </details>\n");
        long diffLines = md.lines().dropWhile(l -> !l.equals("  ```diff")).skip(1)
                .takeWhile(l -> !l.equals("  ```")).count();
        assertThat(diffLines).isEqualTo(MarkdownDiff.MAX_LINES);
        assertThat(lastLine(md)).contains("1 diff shortened to 150 lines");
    }

    @Test
    void fortyClustersWithTheSameChangesRenderAsOneGroupAndOneThatDiffersApart() {
        var clusters = new ArrayList<ClusterReport>();
        for (int i = 1; i <= 40; i++) clusters.add(cluster("prod-eu-" + i, threeChanges("prod-eu-" + i, "1.27")));
        clusters.add(cluster("prod-eu-41", threeChanges("prod-eu-41", "1.28")));
        var report = report(clusters);

        var md = render(new MarkdownReportRenderer(WITH_DIFFS), report);

        assertThat(md.split("<details><summary>", -1)).as("one group and the cluster that differs").hasSize(3);
        assertThat(md).contains("<details><summary><b>prod-eu-1</b>, <b>prod-eu-2</b>, <b>prod-eu-3</b> and 37 more "
                        + "(40 clusters) — ok, the same 3 changes</summary>\n\nClusters: prod-eu-1, prod-eu-2, ")
                .contains(", prod-eu-39, prod-eu-40\n\n`${cluster.name}` below stands for each cluster's own name.\n")
                .contains("  +    region: ${cluster.name}\n")
                .contains("<details><summary><b>prod-eu-41</b> — ok, 3 changes</summary>")
                .contains("  +    region: prod-eu-41\n").contains("nginx:1.28");
        assertThat(md.lines().filter(l -> l.startsWith("- `~ update Deployment.apps/demo/web"))).hasSize(2);
        assertThat(md).as("the table keeps one row per cluster while it fits").contains("| prod-eu-17 | ✅ ok |");
    }

    @Test
    void aNameInsideAnotherWordIsNotAPlaceholder() {
        var a = cluster("eu-1", List.of(SampleReports.change("", "ConfigMap", "eu-10-cfg", Action.CREATE, List.of(),
                List.of(), null)));
        var b = cluster("eu-2", List.of(SampleReports.change("", "ConfigMap", "eu-10-cfg", Action.CREATE, List.of(),
                List.of(), null)));
        var c = cluster("eu-10", List.of(SampleReports.change("", "ConfigMap", "eu-10-cfg", Action.CREATE, List.of(),
                List.of(), null)));

        var md = render(new MarkdownReportRenderer(RenderOptions.PLAIN), report(List.of(a, b, c)));

        assertThat(md).contains("<b>eu-1</b>, <b>eu-2</b> (2 clusters) — ok, the same 1 change</summary>")
                .contains("<b>eu-10</b> — ok, 1 change</summary>")
                .contains("- `+ create ConfigMap/demo/eu-10-cfg`").doesNotContain("${cluster.name}");
    }

    @Test
    void theDefaultBudgetHoldsForAThousandClusters() {
        var clusters = new ArrayList<ClusterReport>();
        for (int i = 0; i < 1000; i++) {
            var name = "prod-eu-west-%04d".formatted(i);
            if (i % 100 == 7) {
                clusters.add(new ClusterReport(name, ClusterReport.Status.FAILED, null, List.of(),
                        "connection refused (https://" + name + ".example.com:6443)", ClusterPhase.CONNECT, Duration.ofSeconds(3)));
            } else {
                var changes = new ArrayList<>(threeChanges(name, i % 50 == 3 ? "1.28" : "1.27"));
                for (int k = 0; k < 20; k++) {
                    changes.add(SampleReports.change("", "ConfigMap", "cfg-" + k, Action.UNCHANGED, List.of(),
                            List.of(), null));
                }
                clusters.add(cluster(name, changes));
            }
        }
        var report = report(clusters);

        var md = render(new MarkdownReportRenderer(WITH_DIFFS), report);

        assertThat(bytes(md)).isLessThanOrEqualTo(RenderOptions.DEFAULT_MAX_BYTES);
        for (var cluster : clusters) assertThat(md).contains(cluster.cluster());
        for (var cluster : clusters) {
            if (cluster.error() != null) assertThat(md).contains("| " + cluster.cluster() + " | ❌ failed |")
                    .contains("**" + cluster.cluster() + ": FAILED during connect:** connection refused");
        }
        assertThat(md).contains("(970 clusters) — ok, the same 3 changes").contains("(20 clusters) — ok, the same 3");
        assertThat(lastLine(md)).startsWith("_Not shown here: ").contains("`--max-bytes 0` lifts the limit of 60,000");
        assertBalanced(md);
    }

    @Test
    void whenEvenTheSmallestLayoutIsTooBigTheEndIsCutOffAndTheSectionsClosed() {
        var clusters = new ArrayList<ClusterReport>();
        for (int i = 0; i < 3000; i++) {
            clusters.add(new ClusterReport("c-" + i, ClusterReport.Status.FAILED, null, List.of(),
                    "Unauthorized: token for c-" + i + " expired".repeat(3), ClusterPhase.CONNECT, Duration.ZERO));
        }

        var md = render(new MarkdownReportRenderer(RenderOptions.PLAIN), report(clusters));

        assertThat(bytes(md)).isLessThanOrEqualTo(RenderOptions.DEFAULT_MAX_BYTES);
        assertThat(lastLine(md)).containsPattern("the last [0-9]+ lines cut off");
        assertBalanced(md);
    }

    @Test
    void aFleetWithoutChangesIsTheTableAloneAndOneChangedClusterGetsASection() {
        var quiet = new ArrayList<ClusterReport>();
        for (int i = 0; i < 200; i++) {
            quiet.add(cluster("c-" + i, List.of(SampleReports.change("", "ConfigMap", "cfg", Action.UNCHANGED,
                    List.of(), List.of(), null))));
        }
        var oneChanged = new ArrayList<>(quiet);
        oneChanged.add(cluster("c-changed", threeChanges("c-changed", "1.27")));

        var md = render(new MarkdownReportRenderer(WITH_DIFFS), report(quiet));
        var control = render(new MarkdownReportRenderer(WITH_DIFFS), report(oneChanged));

        assertThat(md).doesNotContain("<details>").doesNotContain("Not shown");
        assertThat(md.lines()).hasSize(2 + 2 + 200);
        assertThat(control.split("<details><summary>", -1)).hasSize(2);
        assertThat(control).contains("<details><summary><b>c-changed</b> — ok, 3 changes</summary>");
    }

    @Test
    void aCutChangeListStillShowsTheChangesThatFailedOrWereHeldBack() {
        var clusters = new ArrayList<ClusterReport>();
        for (int c = 0; c < 30; c++) {
            var changes = new ArrayList<Change>();
            var outcomes = new ArrayList<io.fleetsync.result.ObjectOutcome>();
            for (int i = 0; i < 50; i++) {
                var change = SampleReports.change("", "ConfigMap", "shard" + c + "-cfg-" + i, Action.UPDATE,
                        List.of("data.key"), List.of(), null);
                changes.add(change);
                outcomes.add(i == 7 ? io.fleetsync.result.ObjectOutcome.failed(change, "admission webhook denied shard" + c)
                        : i == 8 ? io.fleetsync.result.ObjectOutcome.skipped(change, "held back by --max-deletions")
                        : io.fleetsync.result.ObjectOutcome.done(change));
            }
            clusters.add(new ClusterReport("cluster-" + c, ClusterReport.Status.PARTIAL,
                    new ClusterPlan("cluster-" + c, changes, List.of()), outcomes, "1 object failed", ClusterPhase.APPLY,
                    Duration.ofSeconds(1)));
        }
        var result = new RunReport(RunReport.Kind.RESULT, false, SampleReports.STARTED, Duration.ofSeconds(9),
                clusters);

        var md = render(new MarkdownReportRenderer(RenderOptions.PLAIN.withMaxBytes(RenderOptions.MIN_MAX_BYTES * 4)),
                result);

        assertThat(bytes(md)).isLessThanOrEqualTo(RenderOptions.MIN_MAX_BYTES * 4);
        assertThat(lastLine(md)).containsPattern("change lists of [0-9]+ sections \\([0-9]+ changes\\) omitted");
        assertThat(md).as("a cut list really is cut").doesNotContain("shard0-cfg-6 ").doesNotContain("shard29-cfg-9 ");
        for (int c = 0; c < 30; c++) {
            assertThat(md).contains("- `~ update ConfigMap/demo/shard" + c + "-cfg-7 (data.key)` — **failed**: "
                            + "admission webhook denied shard" + c + "\n")
                    .contains("- `~ update ConfigMap/demo/shard" + c + "-cfg-8 (data.key)` — skipped: held back by "
                            + "--max-deletions\n");
        }
        assertThat(md).contains("- 48 more changes not listed: 48 update\n");
    }

    @Test
    void aSmallPlanWithoutCutsIsRenderedAsBefore() throws IOException {
        assertThat(render(new MarkdownReportRenderer(RenderOptions.PLAIN), SampleReports.plan()))
                .isEqualTo(golden("plan.md"));
        assertThat(render(new MarkdownReportRenderer(RenderOptions.PLAIN), SampleReports.result()))
                .isEqualTo(golden("result.md"));
        assertThat(render(new MarkdownReportRenderer(RenderOptions.PLAIN.withMaxBytes(0)), SampleReports.plan()))
                .isEqualTo(golden("plan.md"));
    }

    @Test
    void theLayoutIsDeterministic() {
        IntFunction<RunReport> build = n -> {
            var clusters = new ArrayList<ClusterReport>();
            for (int i = 0; i < n; i++) clusters.add(cluster("c" + i, threeChanges("c" + i, i % 3 == 0 ? "1" : "2")));
            return report(clusters);
        };
        var renderer = new MarkdownReportRenderer(WITH_DIFFS.withMaxBytes(RenderOptions.MIN_MAX_BYTES));

        assertThat(render(renderer, build.apply(300))).isEqualTo(render(renderer, build.apply(300)));
    }

    // ---- helpers

    static List<Change> threeChanges(String cluster, String nginx) {
        var key = new ResourceKey("apps", "Deployment", "demo", "web");
        var live = Map.<String, Object>of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "web", "namespace", "demo", "labels", Map.of("region", "old")),
                "spec", Map.of("template", Map.of("spec", Map.of("containers", List.of(Map.of("name", "app",
                        "image", "nginx:1.25"))))));
        var desired = Map.<String, Object>of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "web", "namespace", "demo", "labels", Map.of("region", cluster)),
                "spec", Map.of("template", Map.of("spec", Map.of("containers", List.of(Map.of("name", "app",
                        "image", "nginx:" + nginx))))));
        var update = new Change(key, "app", Action.UPDATE,
                List.of("metadata.labels.region", "spec.template.spec.containers[name=app].image"), List.of(),
                YAML.diff(key, live, desired), null);
        var create = SampleReports.change("", "ConfigMap", "cfg", Action.CREATE, List.of(), List.of(), null);
        var delete = SampleReports.change("", "Service", "old", Action.DELETE, List.of(), List.of(), null);
        return List.of(update, create, delete);
    }

    static Change crdChange(String plural, Action action, int kilobytes, String liveTag, String desiredTag) {
        var key = new ResourceKey("apiextensions.k8s.io", "CustomResourceDefinition", "", plural + ".example.com");
        var live = BigObjects.crd(plural, "example.com", kilobytes, liveTag);
        var desired = desiredTag == null ? null : BigObjects.crd(plural, "example.com", kilobytes, desiredTag);
        return new Change(key, "platform", action, List.of(), List.of(), YAML.diff(key, live, desired), null);
    }

    static ClusterReport cluster(String name, List<Change> changes) {
        return new ClusterReport(name, ClusterReport.Status.OK, new ClusterPlan(name, changes, List.of()), List.of(),
                null, null, Duration.ofMillis(800));
    }

    static RunReport report(List<ClusterReport> clusters) {
        return new RunReport(RunReport.Kind.PLAN, false, SampleReports.STARTED, Duration.ofSeconds(9), clusters);
    }

    static long bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    static String lastLine(String s) {
        return s.lines().toList().getLast();
    }

    static void assertBalanced(String md) {
        long open = md.lines().filter(l -> l.strip().startsWith("<details>")).count();
        long close = md.lines().filter(l -> l.strip().equals("</details>")).count();
        assertThat(close).as("every <details> is closed").isEqualTo(open);
        assertThat(md.lines().filter(l -> l.strip().startsWith("```")).count() % 2).as("fences balanced").isZero();
    }

    static String golden(String name) throws IOException {
        try (InputStream in = MarkdownBudgetTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
