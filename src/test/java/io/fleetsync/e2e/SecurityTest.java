package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials never printed, even at debug level; TLS verified unless a cluster opts out, with a warning. */
@QuarkusMainTest
class SecurityTest {
    private static final String TOKEN = "sentinel-token-9f8e7d6c5b4a";
    private final Clusters clusters = ClusterPool.instance().shared(1);
    private Workspace ws;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        ws.write("app/cfg.yaml", Manifests.configMap("cfg", "x"));
        ws.write("token", TOKEN);
        ws.write("ca.crt", new String(Base64.getDecoder().decode(ws.cluster(0).access().caCertData())));
    }

    private String target() {
        return """
                  - name: sec-%s
                    clusters: {names: [by-token, by-kubeconfig]}
                    namespace: default
                    resources: [app/]
                """.formatted(ws.id);
    }

    @Test
    void tokensAndClientKeysNeverAppearEvenAtDebugLevel(QuarkusMainLauncher launcher) {
        ws.fleet("""
                  - name: by-token
                    server: %s
                    tokenFile: token
                    caFile: ca.crt
                  - name: by-kubeconfig
                    kubeconfig: kubeconfig
                    context: %s
                """.formatted(ws.cluster(0).apiUrl(), ws.cluster(0).name()), target());

        var run = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--verbose", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.status("by-token")).isEqualTo("failed");
        assertThat(run.json().get("clusters").get(0).get("error").asText()).contains("401");
        assertThat(run.out() + run.err()).as("debug logging is on").contains("GET /api");
        var everything = run.out() + run.err();
        assertThat(everything).doesNotContain(TOKEN);
        var key = ws.cluster(0).access().clientKeyData();
        assertThat(everything).doesNotContain(key).doesNotContain(new String(Base64.getDecoder().decode(key)).lines()
                .filter(l -> !l.startsWith("-----")).findFirst().orElseThrow());
    }

    @Test
    void tlsIsVerifiedUnlessAClusterSkipsItAndThenFleetsyncWarns(QuarkusMainLauncher launcher) {
        ws.fleet("""
                  - name: by-token
                    server: %s
                    tokenFile: token
                  - name: by-kubeconfig
                    kubeconfig: kubeconfig
                    context: %s
                """.formatted(ws.cluster(0).apiUrl(), ws.cluster(0).name()), target());
        var verified = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");

        assertThat(verified.status("by-token")).isEqualTo("failed");
        assertThat(verified.json().get("clusters").get(0).get("error").asText()).containsIgnoringCase("TLS");
        assertThat(verified.err()).doesNotContain("insecureSkipTlsVerify");

        ws.fleet("""
                  - name: by-token
                    server: %s
                    tokenFile: token
                    insecureSkipTlsVerify: true
                  - name: by-kubeconfig
                    kubeconfig: kubeconfig
                    context: %s
                """.formatted(ws.cluster(0).apiUrl(), ws.cluster(0).name()), target());
        var skipped = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");

        assertThat(skipped.err()).contains("WARNING").contains("by-token").contains("insecureSkipTlsVerify");
        assertThat(skipped.json().get("clusters").get(0).get("error").asText())
                .as("TLS passed; the sentinel token itself is rejected").contains("401");
    }
}
