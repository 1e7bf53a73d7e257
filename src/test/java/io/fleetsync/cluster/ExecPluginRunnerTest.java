package io.fleetsync.cluster;

import io.fleetsync.kubeconfig.ExecPlugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of running a plugin that are decisions on values: reading stdout, the request, masking. */
class ExecPluginRunnerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final ExecPluginRunner runner = new ExecPluginRunner(new ObjectMapper(), Map.of(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final ExecPlugin plugin = ExecCredentialsTest.plugin("sso");

    @Test
    void readsTokenAndExpiry() {
        var c = runner.parse(plugin, bytes("""
                {"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",
                 "status":{"token":"abc-token","expirationTimestamp":"2026-12-01T13:00:00Z"}}"""));
        assertThat(c.token()).isEqualTo("abc-token");
        assertThat(c.expiry()).isEqualTo(Instant.parse("2026-12-01T13:00:00Z"));
        assertThat(c.obtained()).isEqualTo(NOW);
    }

    @Test
    void outputThatIsNotJsonNamesThePluginAndNeverQuotesStdout() {
        assertThatThrownBy(() -> runner.parse(plugin, bytes("W1201 warning\n{\"status\":{\"token\":\"leaked-123\"}}")))
                .hasMessageContaining("user 'sso'").hasMessageContaining("not JSON")
                .hasMessageNotContaining("leaked-123").hasMessageNotContaining("W1201");
    }

    @Test
    void anotherApiVersionOrNoCredentialIsRejected() {
        assertThatThrownBy(() -> runner.parse(plugin, bytes("""
                {"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"x1234"}}""")))
                .hasMessageContaining("v1beta1").hasMessageNotContaining("x1234");
        assertThatThrownBy(() -> runner.parse(plugin, bytes("""
                {"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{}}""")))
                .hasMessageContaining("neither status.token");
    }

    @Test
    void theRequestSaysNonInteractiveAndCarriesClusterInfoOnlyWhenAsked() {
        assertThat(runner.execInfo(plugin)).isEqualTo("""
                {"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","spec":{"interactive":false}}""");
        var withCluster = new ExecPlugin(Path.of("/k"), "u", ExecPlugin.ExecApiVersion.V1BETA1, "c", List.of(),
                Map.of(), ExecPlugin.InteractiveMode.IF_AVAILABLE, null, Map.of("server", "https://10.0.0.1:6443"));
        assertThat(runner.execInfo(withCluster)).contains("\"cluster\":{\"server\":\"https://10.0.0.1:6443\"}")
                .contains("v1beta1");
    }

    @Test
    void stderrLosesTheTokenAndTokenShapedStrings() {
        var masked = ExecPluginRunner.mask("""
                got token s3cr3t-value for you
                Authorization: Bearer abcdef0123456789
                jwt eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZSJ9.c2lnbmF0dXJl
                """, List.of("s3cr3t-value"));
        assertThat(masked).doesNotContain("s3cr3t-value", "abcdef0123456789", "eyJhbGciOiJSUzI1NiJ9")
                .contains("got token <redacted> for you").contains("Bearer <redacted>");
    }

    @Test
    void interactiveModeAlwaysIsRefusedBeforeAnythingRuns() {
        var always = new ExecPlugin(Path.of("/k"), "u", ExecPlugin.ExecApiVersion.V1, "/no/such/plugin", List.of(),
                Map.of(), ExecPlugin.InteractiveMode.ALWAYS, null, null);
        assertThatThrownBy(() -> runner.run(always)).isInstanceOf(ExecCredentialException.class)
                .hasMessageContaining("interactiveMode Always");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
