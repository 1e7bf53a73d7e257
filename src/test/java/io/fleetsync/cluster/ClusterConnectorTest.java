package io.fleetsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.Connection;
import io.fleetsync.testing.ClusterAccess;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.CountingTcpProxy;
import io.fleetsync.testing.Kubeconfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
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
}
