package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan -o markdown --diff} against real clusters stays within {@code --max-bytes} and says what it cut. */
@QuarkusMainTest
class MarkdownOutputTest {
    private static final int FILES = 12;
    private final Clusters clusters = ClusterPool.instance().shared(3);
    private Workspace ws;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        ws.write("app/ns.yaml", Manifests.namespace(ws.ns("md")));
        for (int i = 0; i < FILES; i++) ws.write("app/proxy-" + i + ".yaml", proxyConfig("proxy-" + i));
        ws.fleet("""
                  - name: md-%s
                    clusters: {names: [%s, %s, %s]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, ws.cluster(0).name(), ws.cluster(1).name(), ws.cluster(2).name(), ws.ns("md")));
    }

    @Test
    void aMarkdownPlanKeepsToItsByteBudgetGroupsTheClustersAndSummarisesDeletes(QuarkusMainLauncher launcher) {
        var unlimited = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "markdown", "--diff", "--max-bytes", "0");
        var limited = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "markdown", "--diff",
                "--max-bytes", "16384");

        assertThat(unlimited.exitCode()).as(unlimited.toString()).isZero();
        assertThat(bytes(markdown(unlimited))).as("the whole plan would not fit").isGreaterThan(100_000);
        assertThat(limited.exitCode()).as(limited.toString()).isZero();
        var md = markdown(limited);
        assertThat(bytes(md)).isLessThanOrEqualTo(16_384);
        for (var c : ws.all()) assertThat(md).contains("| " + c.name() + " | ✅ ok | " + (FILES + 1) + " |");
        assertThat(md).contains("(3 clusters) — ok, the same " + (FILES + 1) + " changes</summary>")
                .contains("`${cluster.name}` below stands for each cluster's own name.")
                .contains("- `+ create ConfigMap/" + ws.ns("md") + "/proxy-11`");
        assertThat(md.lines().toList().getLast()).startsWith("_Not shown here: diffs of ")
                .contains("`fleetsync plan -o text --diff` (or `-o json`) shows it all");

        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        for (int i = 0; i < FILES; i++) ws.delete("app/proxy-" + i + ".yaml");
        var prune = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "markdown", "--diff");
        var pruneMd = markdown(prune);
        var pruneText = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--diff");

        assertThat(pruneMd).contains("- `- delete ConfigMap/" + ws.ns("md") + "/proxy-3`\n  - removes the live "
                + "object: ").doesNotContain("upstream backend-");
        assertThat(pruneText.out()).as("text output still has the whole object").contains("upstream backend-");
        assertThat(pruneMd.lines().toList().getLast()).contains(FILES + " deletes summarised without the live object");
    }

    @Test
    void aBudgetTooSmallToHoldAnyReportIsRefusedBeforeAnyClusterIsContacted(QuarkusMainLauncher launcher) {
        var run = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "markdown", "--max-bytes", "100");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains("--max-bytes must be 0 (no limit) or at least 4096, was 100");
    }

    // A reverse-proxy configuration of ~9 kB, the kind of ConfigMap that makes diffs long; one line is templated.
    private static String proxyConfig(String name) {
        var conf = new StringBuilder("    # ${cluster.name}\n");
        for (int b = 0; b < 120; b++) {
            conf.append("    upstream backend-").append(b).append(" { server backend-").append(b)
                    .append(".svc.cluster.local:8080 max_fails=3 fail_timeout=30s; }\n");
        }
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                data:
                  proxy.conf: |
                %s""".formatted(name, conf);
    }

    private static String markdown(Run run) {
        // In-process launches capture log lines with stdout (the real binary logs to stderr): start at the heading.
        int start = run.out().indexOf("### fleetsync ");
        assertThat(start).as(run.toString()).isGreaterThanOrEqualTo(0);
        return run.out().substring(start);
    }

    private static long bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
