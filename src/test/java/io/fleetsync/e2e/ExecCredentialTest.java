package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kubeconfig users with exec credential plugins (as EKS, GKE and AKS kubeconfigs have), on real API servers that
 * accept a static bearer token: the plugin is a shell script that warns on stderr, as real plugins do, and appends a
 * line to a counter file each time it runs.
 */
@QuarkusMainTest
class ExecCredentialTest {
    private static final String TOKEN = "exec-sentinel-token-5e4d3c2b1a";
    private static final String SECOND_TOKEN = "exec-sentinel-token-second-77aa";
    private static Path tokens;
    private static Clusters clusters;
    private Workspace ws;
    private Path counter;
    private Path execInfo;

    @BeforeAll
    static void clustersAcceptingTheToken() throws IOException {
        tokens = Files.createTempFile("fleetsync-tokens", ".csv");
        // Static tokens (kube-apiserver --token-auth-file): one token valid on every cluster, as one SSO user is.
        Files.writeString(tokens, TOKEN + ",exec-user,exec-uid,\"system:masters\"\n"
                + SECOND_TOKEN + ",exec-user,exec-uid,\"system:masters\"\n");
        clusters = ClusterPool.instance().fresh(3, Map.of("--token-auth-file", tokens.toString()));
    }

    @AfterAll
    static void stop() throws IOException {
        if (clusters != null) {
            clusters.close();
        }
        Files.deleteIfExists(tokens);
    }

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        ws.write("app/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ws.ns("exec") + "\n");
        ws.write("app/cfg.yaml", Manifests.configMap("cfg", "x"));
        counter = dir.resolve("plugin-runs");
        execInfo = dir.resolve("exec-info");
    }

    @Test
    void aPluginThatWarnsOnStderrWorksRunsOnceForThreeClustersAndItsTokenIsNeverPrinted(QuarkusMainLauncher launcher) {
        plugin("sso-plugin", """
                echo "W1201 12:00:00.000000 1 plugin.go:42] WARNING: the gcloud SDK is out of date" >&2
                echo "debug: using token %s" >&2
                echo run >> "%s"
                printf '%%s' "$KUBERNETES_EXEC_INFO" > "%s"
                printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}'
                """.formatted(TOKEN, counter, execInfo, TOKEN));
        kubeconfig(Map.of(0, "sso", 1, "sso", 2, "sso"));
        fleet();

        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--verbose", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        for (var c : clusters.all()) {
            assertThat(run.status(c.name())).isEqualTo("ok");
            assertThat(c.client().configMaps().inNamespace(ws.ns("exec")).withName("cfg").get()).isNotNull();
        }
        assertThat(runs()).as("one user, three clusters: the plugin ran once").isEqualTo(1);
        assertThat(read(execInfo)).contains("\"kind\":\"ExecCredential\"").contains("\"interactive\":false")
                .contains("client.authentication.k8s.io/v1");
        assertThat(run.out() + run.err()).as("debug logging is on").contains("GET /api")
                .contains("WARNING: the gcloud SDK is out of date");
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    }

    @Test
    void anExpiringTokenIsRefreshedBeforeItsExpiry(QuarkusMainLauncher launcher) {
        plugin("sso-plugin", """
                echo "warning: short-lived token" >&2
                echo run >> "%s"
                expiry=$(date -u -d "@$(( $(date +%%s) + 2 ))" +%%Y-%%m-%%dT%%H:%%M:%%SZ)
                printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"%%s"}}' "$expiry"
                """.formatted(counter, TOKEN));
        kubeconfig(Map.of(0, "sso", 1, "sso", 2, "sso"), "client.authentication.k8s.io/v1beta1");
        fleet();

        // Two requests a second per cluster: the run outlasts the 2 s token a few times over.
        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json", "--cluster-qps", "2",
                "--cluster-burst", "1");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(runs()).as("refreshed as the token neared its expiry").isGreaterThanOrEqualTo(2);
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    }

    @Test
    void aRejectedTokenIsReplacedOnceByRunningThePluginAgain(QuarkusMainLauncher launcher) {
        // The first run hands out a token the servers do not know (revoked, say); later runs a valid one.
        plugin("sso-plugin", """
                echo run >> "%s"
                if [ "$(wc -l < "%s")" -eq 1 ]; then t=revoked-token-0000; else t=%s; fi
                printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%%s"}}' "$t"
                """.formatted(counter, counter, SECOND_TOKEN));
        kubeconfig(Map.of(0, "sso", 1, "sso", 2, "sso"));
        fleet();

        var run = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(runs()).as("one rerun after the 401, shared by all three clusters").isEqualTo(2);
    }

    @Test
    void aFailingPluginFailsOnlyItsClusterWithItsStderrAndAMissingOneShowsTheInstallHint(
            QuarkusMainLauncher launcher) {
        plugin("sso-plugin", """
                printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}'
                """.formatted(TOKEN));
        plugin("broken-plugin", """
                echo run >> "%s"
                echo "error: credentials for account me@example.com expired; run: gcloud auth login" >&2
                exit 3
                """.formatted(counter));
        kubeconfig(Map.of(0, "sso", 1, "broken", 2, "missing"));
        fleet();

        var run = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.status(clusters.get(0).name())).isEqualTo("ok");
        var broken = error(run, clusters.get(1));
        assertThat(broken).contains("user 'broken'").contains("exit code 3")
                .contains("run: gcloud auth login");
        var missing = error(run, clusters.get(2));
        assertThat(missing).contains("user 'missing'").contains("cannot be started")
                .contains("Install the fleet-login plugin from https://example.com/login");
        assertThat(runs()).as("a failing plugin is run once, not retried").isEqualTo(1);
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    }

    @Test
    void aPluginMayAnswerWithAClientCertificate(QuarkusMainLauncher launcher) throws IOException {
        var access = clusters.get(0).access();
        var decoder = java.util.Base64.getDecoder();
        var key = new String(decoder.decode(access.clientKeyData()), java.nio.charset.StandardCharsets.UTF_8);
        var credential = Map.of("apiVersion", "client.authentication.k8s.io/v1", "kind", "ExecCredential",
                "status", Map.of(
                        "clientCertificateData", new String(decoder.decode(access.clientCertData()),
                                java.nio.charset.StandardCharsets.UTF_8),
                        "clientKeyData", key));
        ws.write("credential.json", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(credential));
        plugin("cert-plugin", """
                echo "warning: issuing a client certificate" >&2
                echo run >> "%s"
                cat "%s"
                """.formatted(counter, ws.dir.resolve("credential.json")));
        kubeconfig(Map.of(0, "cert", 1, "cert", 2, "cert"));
        fleet();

        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--verbose", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        for (var c : clusters.all()) {
            assertThat(c.client().configMaps().inNamespace(ws.ns("exec")).withName("cfg").get()).isNotNull();
        }
        assertThat(runs()).isEqualTo(1);
        var keyLine = key.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThat(run.out() + run.err()).doesNotContain(keyLine);
    }

    private static String error(Run run, RealCluster cluster) {
        for (var c : run.json().get("clusters")) {
            if (c.get("name").asText().equals(cluster.name())) {
                assertThat(c.get("status").asText()).isEqualTo("failed");
                return c.get("error").asText();
            }
        }
        throw new AssertionError("no cluster " + cluster.name());
    }

    private void fleet() {
        var sb = new StringBuilder();
        for (var c : clusters.all()) {
            sb.append("  - name: ").append(c.name()).append("\n    kubeconfig: exec-kubeconfig\n    context: ")
                    .append(c.name()).append('\n');
        }
        ws.fleet(sb.toString(), """
                  - name: exec-%s
                    clusters: {names: [%s]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, String.join(", ", clusters.all().stream().map(RealCluster::name).toList()),
                ws.ns("exec")));
    }

    /** A kubeconfig with a context per cluster, each using the named user; no user has a certificate. */
    private void kubeconfig(Map<Integer, String> userOf) {
        kubeconfig(userOf, "client.authentication.k8s.io/v1");
    }

    private void kubeconfig(Map<Integer, String> userOf, String ssoApiVersion) {
        var sb = new StringBuilder("apiVersion: v1\nkind: Config\ncurrent-context: " + clusters.get(0).name()
                + "\nclusters:\n");
        for (var c : clusters.all()) {
            sb.append("- name: ").append(c.name()).append("\n  cluster:\n    server: ").append(c.apiUrl())
                    .append("\n    certificate-authority-data: ").append(c.access().caCertData()).append('\n');
        }
        sb.append("contexts:\n");
        for (int i = 0; i < clusters.size(); i++) {
            sb.append("- name: ").append(clusters.get(i).name()).append("\n  context:\n    cluster: ")
                    .append(clusters.get(i).name()).append("\n    user: ").append(userOf.get(i)).append('\n');
        }
        sb.append("""
                users:
                - name: sso
                  user:
                    exec:
                      apiVersion: %s
                      command: ./sso-plugin
                      args: [get-token, --format=json]
                      env: [{name: PLUGIN_MODE, value: test}]
                      interactiveMode: Never
                - name: cert
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: ./cert-plugin
                      interactiveMode: Never
                - name: broken
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: ./broken-plugin
                      interactiveMode: IfAvailable
                - name: missing
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: fleet-login-not-installed
                      interactiveMode: Never
                      installHint: Install the fleet-login plugin from https://example.com/login
                """.formatted(ssoApiVersion));
        ws.write("exec-kubeconfig", sb.toString());
    }

    private void plugin(String name, String body) {
        var file = ws.write(name, "#!/bin/sh\n" + body);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long runs() {
        return Files.exists(counter) ? read(counter).lines().count() : 0;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
