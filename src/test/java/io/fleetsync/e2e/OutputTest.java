package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What users see: per-cluster results, exit codes, and Secret values that never appear anywhere. */
@QuarkusMainTest
class OutputTest {
    private static final String SENTINEL_1 = "s3cr3t-SENTINEL-one";
    private static final String SENTINEL_2 = "s3cr3t-SENTINEL-two";
    private final Clusters clusters = ClusterPool.instance().shared(3);
    private Workspace ws;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        ws.write("app/ns.yaml", Manifests.namespace(ws.ns("out")));
        ws.write("app/cfg.yaml", Manifests.configMap("cfg", "${cluster.labels.tier}"));
        ws.fleet("""
                  - name: out-%s
                    clusters: {labels: {tier: prod}, names: [%s]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, ws.cluster(0).name(), ws.ns("out")));
    }

    @Test
    void threeClustersRunInParallelAndEachGetsItsOwnResult(QuarkusMainLauncher launcher) {
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.json().get("clusters")).hasSize(3);
        for (var c : ws.all()) {
            assertThat(apply.status(c.name())).isEqualTo("ok");
            assertThat(apply.action(c.name(), "ConfigMap/" + ws.ns("out") + "/cfg")).isEqualTo("create");
            var tier = c.client().configMaps().inNamespace(ws.ns("out")).withName("cfg").get().getData().get("key");
            assertThat(tier).isEqualTo(c == ws.cluster(0) ? "dev" : "prod");
        }
        assertThat(apply.err()).contains("[3/3]");
        var text = Run.of(launcher, "plan", "-f", ws.fleetPath());
        assertThat(text.out()).contains(ws.cluster(0).name(), ws.cluster(1).name(), ws.cluster(2).name());
        var markdown = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "markdown");
        assertThat(markdown.out()).contains("|").contains(ws.cluster(2).name());
    }

    @Test
    void exitCodesTellCiWhatHappened(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode").exitCode()).isEqualTo(2);
        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath()).exitCode()).isZero();
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode").exitCode()).isZero();
        assertThat(Run.of(launcher, "plan", "--no-such-flag").exitCode()).isEqualTo(64);
        assertThat(Run.of(launcher, "plan", "-f", ws.dir.resolve("missing.yaml").toString()).exitCode()).isEqualTo(64);
        assertThat(Run.of(launcher, "validate", "-f", ws.fleetPath()).exitCode()).isZero();

        ws.write("app/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n");
        var before = ws.all().stream().mapToLong(c -> ApiRequests.count(c, Set.of("configmaps", "namespaces"),
                Set.of("GET", "LIST", "APPLY", "PATCH", "POST"))).sum();
        var invalid = Run.of(launcher, "apply", "-f", ws.fleetPath());
        var after = ws.all().stream().mapToLong(c -> ApiRequests.count(c, Set.of("configmaps", "namespaces"),
                Set.of("GET", "LIST", "APPLY", "PATCH", "POST"))).sum();
        assertThat(invalid.exitCode()).isEqualTo(64);
        assertThat(invalid.err()).contains("broken.yaml").contains("metadata.name");
        assertThat(after).as("no request reached any cluster").isEqualTo(before);
        for (var c : ws.all()) {
            ApiRequests.assertSeesAKnownRequest("requests to " + c.name(), () -> ApiRequests.count(c,
                    Set.of("configmaps", "namespaces"), Set.of("GET", "LIST", "APPLY", "PATCH", "POST")),
                    ApiRequests.get(c, "default"));
        }
    }

    @Test
    void anUnreachableClusterFailsAloneWithOneReadableLine(QuarkusMainLauncher launcher) {
        ws.write("token", "not-a-real-token");
        var clustersYaml = new StringBuilder();
        for (var c : ws.all()) {
            clustersYaml.append("  - name: ").append(c.name()).append("\n    kubeconfig: kubeconfig\n    context: ")
                    .append(c.name()).append("\n    labels: {tier: prod}\n");
        }
        clustersYaml.append("  - name: down\n    server: https://127.0.0.1:1\n    tokenFile: token\n"
                + "    labels: {tier: prod}\n");
        ws.fleet(clustersYaml.toString(), """
                  - name: out-%s
                    clusters: {labels: {tier: prod}}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, ws.ns("out")));

        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json", "--retries", "1");

        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
        assertThat(apply.status("down")).isEqualTo("failed");
        var down = apply.json().get("clusters").get(3);
        assertThat(down.get("error").asText()).contains("connection refused").doesNotContain("\n", "Exception");
        for (var c : ws.all()) {
            assertThat(apply.status(c.name())).isEqualTo("ok");
        }
        assertThat(apply.err()).doesNotContain("not-a-real-token").doesNotContain("\tat ");
    }

    @Test
    void aSecretValueNeverAppearsInAnyOutputDiffOrLog(QuarkusMainLauncher launcher) {
        ws.write("app/secret.yaml", secret(SENTINEL_1));
        var outputs = new ArrayList<Run>();
        outputs.add(Run.of(launcher, "plan", "-f", ws.fleetPath(), "--diff"));
        outputs.add(Run.of(launcher, "apply", "-f", ws.fleetPath(), "--diff", "-o", "json"));
        ws.write("app/secret.yaml", secret(SENTINEL_2));
        outputs.add(Run.of(launcher, "plan", "-f", ws.fleetPath(), "--diff"));
        outputs.add(Run.of(launcher, "plan", "-f", ws.fleetPath(), "--diff", "-o", "json"));
        outputs.add(Run.of(launcher, "plan", "-f", ws.fleetPath(), "--diff", "-o", "markdown"));
        var applied = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--diff", "-o", "json");
        outputs.add(applied);

        var change = outputs.get(3).change(ws.cluster(0).name(), "Secret/" + ws.ns("out") + "/creds");
        assertThat(change.get("action").asText()).isEqualTo("update");
        assertThat(change.get("changedPaths").toString()).contains("data.password");
        assertThat(change.get("diff").asText()).contains("password").contains("<masked");
        assertThat(applied.exitCode()).isZero();
        for (var run : outputs) {
            var all = run.out() + run.err();
            for (var sentinel : new String[] {SENTINEL_1, SENTINEL_2}) {
                assertThat(all).doesNotContain(sentinel)
                        .doesNotContain(Base64.getEncoder().encodeToString(sentinel.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private static String secret(String value) {
        return """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: creds
                type: Opaque
                stringData:
                  password: %s
                  user: admin
                """.formatted(value);
    }
}
