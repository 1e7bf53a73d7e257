package io.fleetsync.report;

import static io.fleetsync.report.SampleReports.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.plan.ClusterPlan;
import io.fleetsync.resource.ResourceKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportRendererTest {

    static final RenderOptions PLAIN = RenderOptions.PLAIN;

    @Test
    void headingNamesTheKindAndTheTotals() {
        var md = render(new MarkdownReportRenderer(PLAIN), SampleReports.result());

        assertThat(md.lines().findFirst()).hasValue("### fleetsync Result (dry-run): 2 create, 3 update, 1 replace, "
                + "1 delete, 1 adopt-needed, 1 unchanged, 2 errors — clusters: 1 ok, 1 partial, 1 failed");
    }

    @Test
    void tableHasAHeaderAlignmentRowAndOneRowPerCluster() {
        var md = render(new MarkdownReportRenderer(PLAIN), SampleReports.plan());

        assertThat(md).contains("| Cluster | Status | Create | Update | Replace | Delete | Adopt-needed | Unchanged "
                        + "| Errors | Duration |\n|:--|:--|--:|--:|--:|--:|--:|--:|--:|--:|\n")
                .contains("| prod-eu | ✅ ok | 1 | 2 | 1 | 1 | 1 | 1 | 0 | 1.4s |\n")
                .contains("| prod-us | ❌ failed | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 250ms |\n")
                .contains("| staging | ⚠️ partial | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 1m15s |\n");
    }

    @Test
    void eachClusterWithSomethingToSayGetsACollapsibleSection() {
        var md = render(new MarkdownReportRenderer(PLAIN), SampleReports.result());

        assertThat(md).contains("<details><summary><b>prod-eu</b> — ok, 6 changes</summary>\n\n"
                        + "- ⚠️ target app renders no objects: pruning skipped (--allow-empty to prune)\n"
                        + "- `+ create Deployment.apps/demo/web` — done\n")
                .contains("- `? adopt-needed ConfigMap/demo/legacy (owned by target other-app)` — done\n")
                .contains("- `~ update ConfigMap/demo/cfg (spec.template.spec.containers[name=app].image, data.key)`"
                        + " — done\n  - conflict: `kubectl-edit: data.key`\n")
                .contains("<summary><b>prod-us</b> — failed, 0 changes</summary>\n\n"
                        + "**FAILED during list:** connection refused (https://10.0.0.1:6443)\n\n</details>")
                .contains("**PARTIAL during apply:** 1 object failed\n\n- `+ create")
                .contains("- `~ update ConfigMap/demo/cfg (data.key)` — **failed**: "
                        + "admission webhook \"policy\" denied the request\n");
        assertThat(md.split("<details>", -1)).hasSize(4);
        assertThat(md.split("</details>", -1)).hasSize(4);
    }

    @Test
    void diffsAppearOnlyWhenAskedAsFencedDiffBlocks() {
        var without = render(new MarkdownReportRenderer(PLAIN), SampleReports.plan());
        var with = render(new MarkdownReportRenderer(PLAIN.withDiffs(true)), SampleReports.plan());

        assertThat(without).doesNotContain("```").doesNotContain("nginx");
        assertThat(with).contains("- `+ create Deployment.apps/demo/web`\n\n  ```diff\n"
                + "  --- Deployment/demo/web (live)\n");
        assertThat(with).doesNotContain(SampleReports.SENTINEL).doesNotContain(SampleReports.SENTINEL_B64);
    }

    @Test
    void longChangeListsAreCappedWithACountOfTheRest() {
        var md = render(new MarkdownReportRenderer(new RenderOptions(false, false, 50)),
                SampleReports.planWithCreates("big", 120));

        assertThat(md.lines().filter(l -> l.startsWith("- `+ create"))).hasSize(50);
        assertThat(md).contains("- `+ create ConfigMap/demo/cm-49`\n- … and 70 more\n");
    }

    @Test
    void clusterTextCannotBreakTheTableOrInjectHtml() {
        var cluster = new ClusterReport("a|b<script>", ClusterReport.Status.FAILED, null, List.of(),
                "bad <img src=x> *bold*\nsecond line", io.fleetsync.plan.ClusterPhase.CONNECT, Duration.ZERO);
        var report = new RunReport(RunReport.Kind.PLAN, false, SampleReports.STARTED, Duration.ZERO, List.of(cluster));

        var md = render(new MarkdownReportRenderer(PLAIN), report);

        assertThat(md).contains("| a\\|b&lt;script&gt; | ❌ failed |")
                .contains("<summary><b>a|b&lt;script&gt;</b>")
                .contains("**FAILED during connect:** bad &lt;img src=x&gt; \\*bold\\* second line\n")
                .doesNotContain("<script>").doesNotContain("<img");
    }

    @Test
    void backticksInASubjectDoNotEndTheCodeSpan() {
        var change = Change.of(new ResourceKey("", "ConfigMap", "demo", "odd`name"), "app", Action.CREATE);
        var cluster = new ClusterReport("c", ClusterReport.Status.OK, new ClusterPlan("c", List.of(change), List.of()),
                List.of(), null, null, Duration.ZERO);
        var report = new RunReport(RunReport.Kind.PLAN, false, SampleReports.STARTED, Duration.ZERO, List.of(cluster));

        assertThat(render(new MarkdownReportRenderer(PLAIN), report)).contains("- ``+ create ConfigMap/demo/odd`name``");
    }

    @Test
    void departuresSayWhyAndOrphansAreListed() {
        var md = render(new MarkdownReportRenderer(PLAIN), SampleReports.departures());

        assertThat(md).contains("(no longer selected by target web)")
                .contains("(target old removed from the fleet file)")
                .contains("orphaned ApplySet kube-system/fleetsync-applyset-old: target old is no longer in the fleet"
                        + " file; its objects are deleted (--prune-orphans), then the parent");
    }
}
