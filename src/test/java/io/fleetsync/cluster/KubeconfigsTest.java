package io.fleetsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigsTest {
    private static final String TWO_CONTEXTS = """
            apiVersion: v1
            kind: Config
            current-context: a
            clusters:
            - name: a
              cluster: {server: "https://a.example:6443", certificate-authority: certs/a-ca.crt}
            - name: b
              cluster: {server: "https://b.example:6443"}
            users:
            - name: a-user
              user: {token: token-a}
            - name: b-user
              user: {token: token-b}
            contexts:
            - name: a
              context: {cluster: a, user: a-user, namespace: team-a}
            - name: b
              context: {cluster: b, user: b-user}
            """;

    private final Kubeconfigs kubeconfigs = new Kubeconfigs();

    @Test
    void eachContextGetsItsOwnServerCredentialsAndFileRelativePaths(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("kubeconfig"), TWO_CONTEXTS);

        var a = kubeconfigs.forContext(file, "a");
        var b = kubeconfigs.forContext(file, "b");

        assertThat(a.getMasterUrl()).startsWith("https://a.example:6443");
        assertThat(a.getAutoOAuthToken()).isEqualTo("token-a");
        assertThat(a.getNamespace()).isEqualTo("team-a");
        // A relative certificate path is relative to the kubeconfig file, as kubectl reads it.
        assertThat(Path.of(a.getCaCertFile())).isEqualTo(dir.resolve("certs/a-ca.crt").toAbsolutePath());
        assertThat(b.getMasterUrl()).startsWith("https://b.example:6443");
        assertThat(b.getAutoOAuthToken()).isEqualTo("token-b");
    }

    @Test
    void aRewrittenFileIsReadAgain(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("kubeconfig"), TWO_CONTEXTS);
        assertThat(kubeconfigs.forContext(file, "b").getMasterUrl()).startsWith("https://b.example:6443");

        Files.writeString(file, TWO_CONTEXTS.replace("b.example", "b2.example"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(kubeconfigs.forContext(file, "b").getMasterUrl()).startsWith("https://b2.example:6443");
    }
}
