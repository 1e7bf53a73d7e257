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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    private static final String WEBHOOK_FAILED = "Internal error occurred: failed calling webhook \\\"deny.example.com\\\": "
            + "failed to call webhook: Post \\\"https://gatekeeper.policy.svc:443/validate?timeout=10s\\\": "
            + "service \\\"gatekeeper\\\" not found";

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "500|InternalError|Internal error occurred: failed calling webhook \"x.example.com\": failed to call webhook: service \"svc\" not found|REJECTED",
            "400|BadRequest|admission webhook \"deny.example.com\" denied the request: no|REJECTED",
            "403|Forbidden|configmaps \"a\" is forbidden: ValidatingAdmissionPolicy 'p' with binding 'b' denied request: no|REJECTED",
            "422|Invalid|ConfigMap \"a\" is invalid: metadata.name: Invalid value|REJECTED",
            "409|Conflict|Apply failed with 1 conflict|REJECTED",
            "404|NotFound|not found|REJECTED",
            "429|TooManyRequests|slow down|THROTTLED",
            "500|InternalError|etcdserver: leader changed|SERVER_ERROR",
            "502|''|Bad Gateway|OVERLOADED",
            "503|ServiceUnavailable|etcd down|OVERLOADED",
            "504|Timeout|request did not complete within requested timeout|OVERLOADED",
    })
    void answersAreClassifiedByWhatTheServerSaid(int code, String reason, String message, ApiFailure expected) {
        assertThat(ApiFailure.ofAnswer(code, reason, message)).isEqualTo(expected);
    }

    @Test
    void onlyUnreachableOrOverloadedClustersCountAgainstTheBreaker() {
        var counted = java.util.Arrays.stream(ApiFailure.values()).filter(ApiFailure::countedByBreaker).toList();
        var retried = java.util.Arrays.stream(ApiFailure.values()).filter(ApiFailure::retried).toList();

        assertThat(counted).containsExactlyInAnyOrder(ApiFailure.UNREACHABLE, ApiFailure.TIMEOUT, ApiFailure.OVERLOADED);
        assertThat(retried).containsExactlyInAnyOrder(ApiFailure.UNREACHABLE, ApiFailure.TIMEOUT,
                ApiFailure.OVERLOADED, ApiFailure.THROTTLED, ApiFailure.SERVER_ERROR);
        assertThat(ClusterGuard.breaks(new ApiException("connection refused", new java.net.ConnectException()))).isTrue();
        assertThat(ClusterGuard.breaks(ApiException.of(ApiFailure.INTERRUPTED, "stopped"))).isFalse();
        assertThat(ClusterGuard.retried(ApiException.interrupted(new InterruptedException()))).isFalse();
        assertThat(ClusterGuard.breaks(ApiErrors.fromResponse(500, STATUS.formatted(WEBHOOK_FAILED, "InternalError", 500),
                null, new com.fasterxml.jackson.databind.ObjectMapper()))).isFalse();
    }

    @Test
    void aFailingWebhookFailsItsObjectsWithoutRetriesAndNeverOpensTheBreaker() {
        server.expect().patch().withPath("/api/v1/namespaces/a/configmaps/one?fieldManager=fleetsync&fieldValidation=Strict")
                .andReturn(500, STATUS.formatted(WEBHOOK_FAILED, "InternalError", 500)).always();
        server.expect().get().withPath("/api").andReturn(200, DISCOVERY).always();
        var api = api(4, 3);

        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> api.apply("/api/v1/namespaces/a/configmaps/one", Map.of("kind", "ConfigMap"),
                    ApplyMode.of(WriteMode.PERSIST)))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(ApiFailure.REJECTED))
                    .hasMessageContaining("failed calling webhook");
        }

        assertThat(server.getRequestCount()).as("one request per apply: not retried").isEqualTo(6);
        assertThat(api.getWithAccept("/api", "application/json")).as("breaker still closed")
                .containsEntry("kind", "APIGroupDiscoveryList");
    }
}
