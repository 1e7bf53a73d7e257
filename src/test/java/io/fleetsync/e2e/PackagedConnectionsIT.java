package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.CountingTcpProxy;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the packaged artifact (the native executable under {@code -Dnative}) reaches API servers: client certificates
 * and a CA from files, over one HTTP/2 connection (ALPN); a ServiceAccount token from a file with a CA file; the same
 * token from a kubeconfig exec plugin. Each is what a native image can break on its own (TLS key stores, security
 * providers, ALPN in the JDK's SSL engine, process spawning), so each is proven against a real API server.
 */
@QuarkusMainIntegrationTest
class PackagedConnectionsIT {
    private static final int OBJECTS = 20;
    private final Clusters clusters = ClusterPool.instance().shared(1);

    @Test
    void clientCertificateAndCaFilesShareOneHttp2ConnectionPerCluster(QuarkusMainLauncher launcher,
            @TempDir Path dir) throws IOException {
        var ws = new Workspace(dir, clusters);
        var access = ws.cluster(0).access();
        var ns = ws.ns("conn");
        ws.write("pki/ca.crt", decode(access.caCertData()));
        ws.write("pki/client.crt", decode(access.clientCertData()));
        ws.write("pki/client.key", decode(access.clientKeyData()));
        ws.write("app/ns.yaml", Manifests.namespace(ns));
        for (int i = 0; i < OBJECTS; i++) {
            ws.write("app/cfg-" + i + ".yaml", Manifests.configMap("cfg-" + i, "v" + i));
        }
        try (var proxy = new CountingTcpProxy(access.apiUrl())) {
            ws.write("kubeconfig-files", """
                    apiVersion: v1
                    kind: Config
                    current-context: by-files
                    clusters:
                      - name: by-files
                        cluster: {server: "%s", certificate-authority: pki/ca.crt}
                    users:
                      - name: admin
                        user: {client-certificate: pki/client.crt, client-key: pki/client.key}
                    contexts:
                      - name: by-files
                        context: {cluster: by-files, user: admin}
                    """.formatted(proxy.url()));
            ws.fleet("""
                      - name: by-files
                        kubeconfig: kubeconfig-files
                        context: by-files
                    """, """
                      - name: conn-%s
                        clusters: {names: [by-files]}
                        namespace: %s
                        resources: [app/]
                    """.formatted(ws.id, ns));

            var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json", "--cluster-requests", "8");

            assertThat(plan.exitCode()).as(plan.toString()).isZero();
            for (int i = 0; i < OBJECTS; i++) {
                assertThat(plan.action("by-files", "ConfigMap/" + ns + "/cfg-" + i)).isEqualTo("create");
            }
            // Eight requests in flight at a time: over HTTP/1.1 (no ALPN) that is one connection, and one TLS
            // handshake, per request in flight.
            assertThat(proxy.connectionsAccepted()).as(plan.err()).isEqualTo(1);
        }
    }

    @Test
    void serviceAccountTokenFromATokenFileAndFromAnExecPlugin(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws IOException {
        var ws = new Workspace(dir, clusters);
        var cluster = ws.cluster(0);
        var client = cluster.client();
        var home = cluster.createUniqueNamespace("sa");
        var binding = "fleetsync-it-" + ws.id;
        client.serviceAccounts().inNamespace(home)
                .resource(new ServiceAccountBuilder().withNewMetadata().withName("deployer").endMetadata().build())
                .create();
        client.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder()
                .withNewMetadata().withName(binding).endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole")
                .withName("cluster-admin").endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName("deployer").withNamespace(home).endSubject()
                .build()).create();
        try {
            var token = client.serviceAccounts().inNamespace(home).withName("deployer")
                    .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec()
                            .build())
                    .getStatus().getToken();
            ws.write("sa/token", token);
            ws.write("sa/ca.crt", decode(cluster.access().caCertData()));
            var plugin = ws.write("sa/credential-plugin", """
                    #!/bin/sh
                    printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",\
                    "status":{"token":"%s"}}' "$(cat "$(dirname "$0")/token")"
                    """);
            Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
            ws.write("kubeconfig-exec", """
                    apiVersion: v1
                    kind: Config
                    current-context: by-exec
                    clusters:
                      - name: by-exec
                        cluster: {server: "%s", certificate-authority: sa/ca.crt}
                    users:
                      - name: plugin
                        user:
                          exec:
                            apiVersion: client.authentication.k8s.io/v1
                            command: %s
                            interactiveMode: Never
                    contexts:
                      - name: by-exec
                        context: {cluster: by-exec, user: plugin}
                    """.formatted(cluster.apiUrl(), plugin));
            var byToken = ws.ns("by-token");
            var byExec = ws.ns("by-exec");
            ws.write("token-app/ns.yaml", Manifests.namespace(byToken));
            ws.write("token-app/cfg.yaml", Manifests.configMap("cfg", "${cluster.name}"));
            ws.write("exec-app/ns.yaml", Manifests.namespace(byExec));
            ws.write("exec-app/cfg.yaml", Manifests.configMap("cfg", "${cluster.name}"));
            ws.fleet("""
                      - name: by-token
                        server: %s
                        tokenFile: sa/token
                        caFile: sa/ca.crt
                      - name: by-exec
                        kubeconfig: kubeconfig-exec
                        context: by-exec
                    """.formatted(cluster.apiUrl()), """
                      - name: token-%1$s
                        clusters: {names: [by-token]}
                        namespace: %2$s
                        resources: [token-app/]
                      - name: exec-%1$s
                        clusters: {names: [by-exec]}
                        namespace: %3$s
                        resources: [exec-app/]
                    """.formatted(ws.id, byToken, byExec));

            var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

            assertThat(apply.exitCode()).as(apply.toString()).isZero();
            assertThat(apply.status("by-token")).isEqualTo("ok");
            assertThat(apply.status("by-exec")).isEqualTo("ok");
            assertThat(client.configMaps().inNamespace(byToken).withName("cfg").get().getData())
                    .containsEntry("key", "by-token");
            assertThat(client.configMaps().inNamespace(byExec).withName("cfg").get().getData())
                    .containsEntry("key", "by-exec");
            assertThat(apply.out() + apply.err()).doesNotContain(token);
        } finally {
            client.rbac().clusterRoleBindings().withName(binding).delete();
        }
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64));
    }
}
