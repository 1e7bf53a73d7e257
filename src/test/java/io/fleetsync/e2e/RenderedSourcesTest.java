package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generator and Kustomize sources on real clusters: what they render is planned, applied and then unchanged, and
 * a source that cannot render stops the run before any request. Kustomize comes from {@code FLEETSYNC_KUSTOMIZE}
 * (scripts/test exports the one scripts/kustomize builds) or PATH.
 */
@QuarkusMainTest
class RenderedSourcesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/render").toAbsolutePath();
    private static final Set<String> ANY = Set.of("GET", "LIST", "APPLY", "PATCH", "POST", "PUT", "DELETE", "WATCH");
    private final Clusters clusters = ClusterPool.instance().shared(2);
    private Workspace ws;
    private String ns;

    @BeforeEach
    void workspace(@TempDir Path dir) throws IOException {
        ws = new Workspace(dir, clusters);
        ns = ws.ns("render");
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            files.forEach(source -> {
                var copy = dir.resolve(FIXTURES.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        ws.write("ns/ns.yaml", Manifests.namespace(ns));
    }

    /** Cluster 0 is labelled env=prod, cluster 1 env=staging: each gets its own overlay. */
    private void fleet(String resources) {
        var c0 = ws.cluster(0).name();
        var c1 = ws.cluster(1).name();
        ws.fleet("""
                  - name: %1$s
                    kubeconfig: kubeconfig
                    context: %1$s
                    labels: {env: prod}
                  - name: %2$s
                    kubeconfig: kubeconfig
                    context: %2$s
                    labels: {env: staging}
                """.formatted(c0, c1), """
                  - name: render-%s
                    clusters: {names: [%s, %s]}
                    namespace: %s
                    resources:
                      - ns/
                %s""".formatted(ws.id, c0, c1, ns, resources.stripIndent().indent(6)));
    }

    private long requests() {
        return ws.all().stream().mapToLong(c -> ApiRequests.count(c, Set.of("configmaps", "namespaces", ""), ANY)
                + ApiRequests.countAll(c)).sum();
    }

    @Test
    void generatorOutputIsPlannedAppliedAndThenUnchangedWithItsSecretMasked(QuarkusMainLauncher launcher) {
        fleet("""
                - exec: [./generator/gen.sh, "settings-${cluster.name}"]
                  clusterEnv: true
                """);
        var c0 = ws.cluster(0).name();

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var textPlan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--diff");
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");
        var again = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.action(c0, "ConfigMap/" + ns + "/settings-" + c0)).isEqualTo("create");
        assertThat(plan.action(c0, "Secret/" + ns + "/settings-" + c0 + "-credentials")).isEqualTo("create");
        assertThat(plan.out() + textPlan.out()).doesNotContain("generated-hunter2")
                .as("the generator's stderr is not part of the plan").doesNotContain("generating settings");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        var applied = ws.cluster(0).client().configMaps().inNamespace(ns).withName("settings-" + c0).get();
        assertThat(applied.getData()).containsEntry("cluster", c0).containsEntry("kubeconfig", "unset");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.changeCount()).as(again.toString()).isZero();
    }

    @Test
    void kustomizeOverlaysPerClusterArePlannedAppliedAndThenUnchanged(QuarkusMainLauncher launcher) {
        fleet("""
                - kustomize: kustomize/overlays/${cluster.labels.env}
                """);
        var c0 = ws.cluster(0).name();
        var c1 = ws.cluster(1).name();

        var validate = Run.of(launcher, "validate", "-f", ws.fleetPath());
        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");
        var again = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");

        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).contains("render-" + ws.id + ": kustomize:kustomize/overlays/prod: 3 objects on 1"
                + " cluster").contains("render-" + ws.id + ": kustomize:kustomize/overlays/staging: 3 objects on 1"
                + " cluster").contains("render-" + ws.id + ": " + ws.dir.resolve("ns/ns.yaml") + ": 2 objects on 2 clusters");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.action(c0, "Deployment.apps/" + ns + "/web-prod")).isEqualTo("create");
        assertThat(plan.action(c1, "Deployment.apps/" + ns + "/web-staging")).isEqualTo("create");
        assertThat(plan.err()).contains("render: kustomize v5.");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        var prod = ws.cluster(0).client().apps().deployments().inNamespace(ns).withName("web-prod").get();
        assertThat(prod.getSpec().getReplicas()).isEqualTo(3);
        assertThat(ws.cluster(1).client().apps().deployments().inNamespace(ns).withName("web-staging").get()
                .getSpec().getReplicas()).isEqualTo(1);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.changeCount()).as(again.toString()).isZero();
    }

    @Test
    void aChartWithACrdAndASecretIsPlannedAppliedAndThenUnchangedWithItsHooksShownAsSkipped(
            QuarkusMainLauncher launcher) {
        // The chart's CRD is cluster-scoped and shared by the clusters of every test run: the release name keeps
        // the namespaced objects apart, the CRD is the same for all.
        fleet("""
                - helm:
                    chart: charts/web
                    releaseName: web-%s
                    values: ["values/${cluster.labels.env}.yaml"]
                    set: {owner: "${cluster.name}"}
                """.formatted(ws.id));
        var c0 = ws.cluster(0).name();
        var c1 = ws.cluster(1).name();
        var release = "web-" + ws.id;
        var target = "render-" + ws.id;

        var validate = Run.of(launcher, "validate", "-f", ws.fleetPath());
        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var textPlan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--diff");
        var markdownPlan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "markdown");
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");
        var again = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var againExit = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode");

        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).contains(target + ": helm:charts/web: 8 objects on 2 clusters (4 Helm hook"
                + " objects skipped)");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.action(c0, "Gadget.charts.fleetsync.io/" + ns + "/" + release + "-gadget"))
                .isEqualTo("create");
        assertThat(plan.action(c0, "Secret/" + ns + "/" + release + "-credentials")).isEqualTo("create");
        assertThat(plan.changes(c0)).noneSatisfy(c -> assertThat(c.get("kind").asText()).isIn("Job", "Pod"));
        for (var cluster : List.of(c0, c1)) {
            assertThat(skipped(plan, cluster)).as(plan.toString()).containsExactlyInAnyOrder(
                    "Job.batch/" + ns + "/" + release + "-migrate|" + target + "|pre-install,pre-upgrade|helm-hook"
                            + "|Helm hooks are not run by fleetsync",
                    "Pod/" + ns + "/" + release + "-test-connection|" + target + "|test|helm-hook"
                            + "|Helm hooks are not run by fleetsync");
        }
        assertThat(textPlan.out()).contains("Job.batch/" + ns + "/" + release + "-migrate (target " + target
                + ", helm.sh/hook: pre-install,pre-upgrade): skipped: Helm hooks are not run by fleetsync")
                .contains("Pod/" + ns + "/" + release + "-test-connection (target " + target
                        + ", helm.sh/hook: test): skipped: Helm hooks are not run by fleetsync");
        assertThat(markdownPlan.out()).contains("Pod/" + ns + "/" + release + "-test-connection (target " + target
                + ", helm.sh/hook: test): skipped: Helm hooks are not run by fleetsync");
        assertThat(plan.err()).contains("skipped 2 Helm hook object(s)").contains("Job/" + release + "-migrate");
        assertThat(plan.out() + textPlan.out() + markdownPlan.out()).doesNotContain("prod-hunter2")
                .doesNotContain("chart-default-hunter2");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(skipped(apply, c0)).as("the result shows them too").hasSize(2);
        var settings = ws.cluster(0).client().configMaps().inNamespace(ns).withName(release + "-settings").get();
        assertThat(settings.getData()).containsEntry("greeting", "hello from " + c0).containsEntry("owner", c0);
        assertThat(ws.cluster(1).client().configMaps().inNamespace(ns).withName(release + "-settings").get()
                .getData()).containsEntry("replicas", "1");
        for (var cluster : ws.all()) {
            assertThat(cluster.client().batch().v1().jobs().inNamespace(ns).list().getItems()).isEmpty();
            assertThat(cluster.client().pods().inNamespace(ns).list().getItems()).isEmpty();
        }
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.changeCount()).as(again.toString()).isZero();
        assertThat(skipped(again, c1)).hasSize(2);
        assertThat(againExit.exitCode()).as("skipped hooks are not changes: " + againExit).isZero();
    }

    /** {@code subject|target|hook|reason|message} of each skipped object of one cluster in a JSON report. */
    private static List<String> skipped(Run run, String cluster) {
        var node = StreamSupport.stream(run.json().get("clusters").spliterator(), false)
                .filter(n -> n.get("name").asText().equals(cluster)).findFirst().orElseThrow();
        return StreamSupport.stream(node.get("skipped").spliterator(), false)
                .map(s -> String.join("|", s.get("subject").asText(), s.get("target").asText(),
                        s.get("hook").asText(), s.get("reason").asText(), s.get("message").asText())).toList();
    }

    @Test
    void aSourceThatCannotRenderStopsTheRunBeforeAnyRequest(QuarkusMainLauncher launcher) {
        ws.write("generator/fail.sh", "#!/bin/sh\necho 'error: config/values.yml: unknown key \"replicaz\"' >&2\n"
                + "exit 2\n");
        ws.dir.resolve("generator/fail.sh").toFile().setExecutable(true);

        fleet("- exec: [./generator/fail.sh]\n");
        long before = requests();
        var failing = Run.of(launcher, "apply", "-f", ws.fleetPath());
        fleet("- exec: [no-such-generator-cue, export]\n");
        var missing = Run.of(launcher, "apply", "-f", ws.fleetPath());
        long after = requests();
        // Positive control: the same counter sees a run that does render.
        fleet("- exec: [./generator/gen.sh, settings]\n");
        var good = Run.of(launcher, "plan", "-f", ws.fleetPath());
        long control = requests();

        assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(64);
        assertThat(failing.err()).contains("fleet.yaml:").contains("exec:./generator/fail.sh failed: exit status 2")
                .contains("error: config/values.yml: unknown key \"replicaz\"");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(64);
        assertThat(missing.err()).contains("generator 'no-such-generator-cue' not found");
        // At most our own metric scrapes (as BadInputTest counts them).
        assertThat(after - before).as("requests that reached the API servers").isLessThanOrEqualTo(2);
        assertThat(good.exitCode()).as(good.toString()).isZero();
        assertThat(control - after).as("requests of a run that renders").isGreaterThan(2);
    }
}
