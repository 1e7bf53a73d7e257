package io.fleetsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.Connection;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripted HTTP errors (the narrow case the Fabric8 mock server is fine for): retries, Retry-After, breaker. */
@QuarkusTest
class ClusterGuardTest {
    private static final String DISCOVERY = "{\"kind\":\"APIGroupDiscoveryList\",\"apiVersion\":\"apidiscovery.k8s.io/v2\",\"items\":[]}";
    private static final String STATUS = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"%s\",\"reason\":\"%s\",\"code\":%d}";

    @Inject
    ClusterConnector connector;

    private KubernetesMockServer server;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(false);
        server.init();
    }

    @AfterEach
    void stop() {
        server.destroy();
    }

    private KubeApi api(int retries, int breakerThreshold) {
        var d = ClientSettings.defaults();
        var settings = new ClientSettings(4, Duration.ofSeconds(5), Duration.ofSeconds(2), retries,
                // A Retry-After is honoured up to 4 × the maximum backoff: 500 ms lets the tests' 1 s through.
                Duration.ofMillis(50), Duration.ofMillis(500), 0, 1, breakerThreshold, Duration.ofSeconds(30));
        var url = server.url("/");
        var cluster = new Cluster("mock", Map.of(), new Connection.Token(url.substring(0, url.length() - 1),
                new Connection.Secret("token"), null, false));
        return connector.connect(cluster, settings, RequestGate.OPEN).api();
    }

    @Test
    void throttlingIsRetriedAfterTheServersRetryAfter() {
        server.expect().get().withPath("/api").andReturn(429, STATUS.formatted("slow down", "TooManyRequests", 429))
                .withHeader("Retry-After", "1").times(2);
        server.expect().get().withPath("/api").andReturn(200, DISCOVERY).once();
        long start = System.nanoTime();

        var doc = api(4, 10).getWithAccept("/api", "application/json");

        assertThat(doc.get("kind")).isEqualTo("APIGroupDiscoveryList");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        server.expect().get().withPath("/api").andReturn(503, STATUS.formatted("etcd down", "ServiceUnavailable", 503))
                .times(2);
        server.expect().get().withPath("/api").andReturn(200, DISCOVERY).once();

        assertThat(api(4, 10).getWithAccept("/api", "application/json")).containsEntry("kind", "APIGroupDiscoveryList");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void otherClientErrorsAreNeverRetried() {
        server.expect().get().withPath("/api").andReturn(403, STATUS.formatted("forbidden: nope", "Forbidden", 403))
                .always();

        assertThatThrownBy(() -> api(4, 10).getWithAccept("/api", "application/json"))
                .isInstanceOf(ApiException.class).hasMessageContaining("403").hasMessageContaining("forbidden");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aDeadClusterOpensTheBreakerAndFailsFast() {
        server.expect().get().withPath("/api").andReturn(503, STATUS.formatted("down", "ServiceUnavailable", 503))
                .always();
        var api = api(0, 3);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> api.getWithAccept("/api", "application/json")).hasMessageContaining("503");
        }

        assertThatThrownBy(() -> api.getWithAccept("/api", "application/json"))
                .hasMessageContaining("circuit breaker open");
        assertThat(server.getRequestCount()).as("no request while the breaker is open").isEqualTo(3);
    }
}
