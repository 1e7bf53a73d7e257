package io.fleetsync.kubeconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static final String EXEC_USERS = """
            apiVersion: v1
            kind: Config
            current-context: a
            clusters:
            - name: a
              cluster: {server: "https://a.example:6443", certificate-authority-data: Y2E=}
            - name: b
              cluster: {server: "https://b.example:6443"}
            users:
            - name: sso
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: gke-gcloud-auth-plugin
                  args: [--verbose]
                  env: [{name: MODE, value: fleet}]
                  installHint: install it with gcloud components install gke-gcloud-auth-plugin
                  provideClusterInfo: true
            - name: old
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: old-plugin}
            - name: strict
              user:
                exec: {apiVersion: client.authentication.k8s.io/v1, command: strict-plugin}
            contexts:
            - name: a
              context: {cluster: a, user: sso}
            - name: b
              context: {cluster: b, user: sso}
            - name: old
              context: {cluster: b, user: old}
            - name: strict
              context: {cluster: b, user: strict}
            """;

    @Test
    void anExecUserIsTakenOutOfFabric8sHandsAndGivenBackAsAPlugin(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("kubeconfig"), EXEC_USERS);

        var a = kubeconfigs.resolve(file, "a");

        assertThat(a.config().getAutoOAuthToken()).as("Fabric8 ran no plugin").isNull();
        var plugin = a.exec().orElseThrow();
        assertThat(plugin.user()).isEqualTo("sso");
        assertThat(plugin.apiVersion()).isEqualTo(ExecPlugin.ExecApiVersion.V1BETA1);
        assertThat(plugin.command()).isEqualTo("gke-gcloud-auth-plugin");
        assertThat(plugin.args()).containsExactly("--verbose");
        assertThat(plugin.env()).containsEntry("MODE", "fleet");
        assertThat(plugin.interactiveMode()).as("v1beta1's default").isEqualTo(ExecPlugin.InteractiveMode.IF_AVAILABLE);
        assertThat(plugin.installHint()).contains("gcloud components install");
        assertThat(plugin.clusterInfo()).containsEntry("server", "https://a.example:6443")
                .containsEntry("certificate-authority-data", "Y2E=");
        assertThat(kubeconfigs.resolve(file, "b").exec().orElseThrow())
                .as("provideClusterInfo makes the credential cluster-specific").isNotEqualTo(plugin);
    }

    @Test
    void anExecEntryThatCannotBeRunAsWrittenNamesTheUserAndField(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("kubeconfig"), EXEC_USERS);

        assertThatThrownBy(() -> kubeconfigs.resolve(file, "old")).isInstanceOf(InvalidExecEntry.class)
                .hasMessageContaining("user 'old'").hasMessageContaining("exec.apiVersion")
                .hasMessageContaining("v1alpha1");
        assertThatThrownBy(() -> kubeconfigs.resolve(file, "strict")).hasMessageContaining("user 'strict'")
                .hasMessageContaining("exec.interactiveMode is required");
    }
}
