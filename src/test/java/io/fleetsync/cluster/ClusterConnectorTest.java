package io.fleetsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.Connection;
import io.fleetsync.testing.ClusterAccess;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.CountingTcpProxy;
import io.fleetsync.testing.Kubeconfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a cluster's client talks to a real API server. */
@QuarkusTest
class ClusterConnectorTest {

    @Inject
    ClusterConnector connector;

    @Test
    void startUpSetsOnePkcs12RoundForTheInMemoryKeyStoresOfClientCertificates() {
        // Set by KeyStoreRounds when the application starts, before any connector exists: the one global setting.
        assertThat(System.getProperty(KeyStoreRounds.PROPERTY)).isEqualTo("1");
    }

    @Test
    void parallelRequestsToOneClusterShareOneConnection(@TempDir Path dir) throws Exception {
        var real = ClusterPool.instance().shared(1).get(0).access();
        try (var proxy = new CountingTcpProxy(real.apiUrl())) {
            var viaProxy = new ClusterAccess("counted", proxy.url(), real.caCertData(), real.clientCertData(),
                    real.clientKeyData());
            var kubeconfig = Kubeconfig.write(dir.resolve("kubeconfig"), List.of(viaProxy));
            var cluster = new Cluster("counted", Map.of(), new Connection.Kubeconfig(kubeconfig, "counted", false));

            try (var connection = connector.connect(cluster, ClientSettings.defaults(), RequestGate.OPEN);
                    var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                var answers = new ArrayList<Future<Map<String, Object>>>();
                for (int i = 0; i < 24; i++) {
                    answers.add(threads.submit(() -> connection.api().get("/api/v1/namespaces/default")));
                }
                for (var answer : answers) {
                    assertThat(answer.get()).containsEntry("kind", "Namespace");
                }
            }
            // One TLS handshake per cluster: HTTP/2 multiplexes the 24 requests (HTTP/1.1 would open one per request
            // in flight, each with a handshake whose client signature dominated fleetsync's CPU).
            assertThat(proxy.connectionsAccepted()).isEqualTo(1);
        }
    }

    /**
     * A kubeconfig that names its cluster's CA trusts that CA alone, as kubectl does: not also the JVM's default
     * trust store, into which Fabric8 merged it. Here the default trust store (javax.net.ssl.trustStore) is made to
     * hold the server's real CA while the kubeconfig names an unrelated one: the connection must fail. Positive
     * control: the same store with the real CA in the kubeconfig connects.
     */
    @Test
    void theKubeconfigsCaAloneIsTrustedNotAlsoTheDefaultTrustStore(@TempDir Path dir) throws Exception {
        var real = ClusterPool.instance().shared(1).get(0).access();
        var unrelatedCa = Base64.getEncoder().encodeToString(
                getClass().getResourceAsStream("/tls/unrelated-ca.crt").readAllBytes());
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("server-ca", CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode(real.caCertData()))));
        var storeFile = dir.resolve("default-trust.p12");
        try (var out = Files.newOutputStream(storeFile)) {
            store.store(out, "changeit".toCharArray());
        }
        var wrongCa = new ClusterAccess("wrong-ca", real.apiUrl(), unrelatedCa, real.clientCertData(),
                real.clientKeyData());
        var rightCa = new ClusterAccess("right-ca", real.apiUrl(), real.caCertData(), real.clientCertData(),
                real.clientKeyData());
        var kubeconfig = Kubeconfig.write(dir.resolve("kubeconfig"), List.of(wrongCa, rightCa));
        var saved = new String[] {System.getProperty("javax.net.ssl.trustStore"),
                System.getProperty("javax.net.ssl.trustStorePassword")};
        System.setProperty("javax.net.ssl.trustStore", storeFile.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        try {
            try (var connection = connect(kubeconfig, "right-ca")) {
                assertThat(connection.api().get("/api/v1/namespaces/default")).containsEntry("kind", "Namespace");
            }
            try (var connection = connect(kubeconfig, "wrong-ca")) {
                assertThatThrownBy(() -> connection.api().get("/api/v1/namespaces/default"))
                        .isInstanceOf(ApiException.class)
                        .hasMessageContaining("TLS handshake failed");
            }
        } finally {
            restore("javax.net.ssl.trustStore", saved[0]);
            restore("javax.net.ssl.trustStorePassword", saved[1]);
        }
    }

    @Test
    void certificateAuthorityDataWithoutACertificateFailsTheClusterClearly(@TempDir Path dir) {
        var real = ClusterPool.instance().shared(1).get(0).access();
        var notACert = Base64.getEncoder().encodeToString("not a certificate".getBytes(StandardCharsets.UTF_8));
        var kubeconfig = Kubeconfig.write(dir.resolve("kubeconfig"), List.of(new ClusterAccess("bad-ca",
                real.apiUrl(), notACert, real.clientCertData(), real.clientKeyData())));
        assertThatThrownBy(() -> connect(kubeconfig, "bad-ca"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("certificate authority");
    }

    private ClusterConnection connect(Path kubeconfig, String context) {
        var cluster = new Cluster(context, Map.of(), new Connection.Kubeconfig(kubeconfig, context, false));
        return connector.connect(cluster, ClientSettings.defaults(), RequestGate.OPEN);
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
