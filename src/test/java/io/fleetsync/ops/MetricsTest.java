package io.fleetsync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fleetsync.plan.ClusterPlan;
import io.fleetsync.report.ClusterReport;
import io.fleetsync.report.RunReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTest {
    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-01T01:00:00Z");

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + "\n" + body);
            int status = exchange.getRequestURI().getPath().contains("broken") ? 400 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static RunReport report(ClusterReport.Status second) {
        var ok = new ClusterReport("prod-eu", ClusterReport.Status.OK, new ClusterPlan("prod-eu", List.of(), List.of()), List.of(), null,
                null, Duration.ofMillis(1500));
        var other = new ClusterReport("prod-us", second, null, List.of(),
                second == ClusterReport.Status.OK ? null : "connection refused",
                second == ClusterReport.Status.OK ? null : io.fleetsync.plan.ClusterPhase.CONNECT, Duration.ofSeconds(2));
        return new RunReport(RunReport.Kind.RESULT, false, T1, Duration.ofSeconds(3), List.of(ok, other));
    }

    @Test
    void runAndClusterMetricsInPrometheusTextFormat() {
        var text = PrometheusText.of(RunMetrics.of(report(ClusterReport.Status.FAILED), Optional.of(new Shard(1, 3)),
                T1).all());

        assertThat(text).contains("# TYPE fleetsync_run_duration_seconds gauge\n")
                .contains("fleetsync_run_duration_seconds{command=\"apply\",shard=\"1\"} 3\n")
                .contains("fleetsync_run_clusters{command=\"apply\",shard=\"1\",status=\"failed\"} 1\n")
                .contains("fleetsync_run_success{command=\"apply\",shard=\"1\"} 0\n")
                .contains("fleetsync_run_errors{command=\"apply\",shard=\"1\"} 1\n")
                .contains("fleetsync_run_outcomes{command=\"apply\",outcome=\"skipped\",shard=\"1\"} 0\n")
                .contains("fleetsync_cluster_duration_seconds{cluster=\"prod-eu\",command=\"apply\"} 1.500\n")
                .contains("fleetsync_cluster_objects{action=\"create\",cluster=\"prod-eu\",command=\"apply\"} 0\n")
                .contains("fleetsync_cluster_errors{cluster=\"prod-us\",command=\"apply\"} 1\n")
                .contains("fleetsync_cluster_last_success_timestamp_seconds{cluster=\"prod-eu\",command=\"apply\"} "
                        + T1.getEpochSecond() + "\n")
                .doesNotContain("fleetsync_cluster_last_success_timestamp_seconds{cluster=\"prod-us\"")
                .doesNotContain("fleetsync_last_success_timestamp_seconds{");
        // One HELP/TYPE per name, all of its samples together, as the format requires.
        assertThat(text.split("# TYPE fleetsync_cluster_objects ", -1)).hasSize(2);
        assertThat(text.lines().filter(l -> !l.startsWith("#")))
                .allMatch(l -> l.matches("[a-z_]+(\\{[^}]*})? -?[0-9.]+"));
    }

    @Test
    void metricsFileKeepsTheLastSuccessOfWhatFailedThisTime(@TempDir Path dir) throws IOException {
        var file = dir.resolve("metrics/fleetsync.prom");
        MetricsFile.write(file, RunMetrics.of(report(ClusterReport.Status.OK), Optional.empty(), T1));
        MetricsFile.write(file, RunMetrics.of(report(ClusterReport.Status.FAILED), Optional.empty(), T2));

        var text = Files.readString(file);
        assertThat(text)
                .contains("fleetsync_last_success_timestamp_seconds{command=\"apply\"} " + T1.getEpochSecond() + "\n")
                .contains("fleetsync_run_timestamp_seconds{command=\"apply\"} " + T2.getEpochSecond() + "\n")
                .contains("fleetsync_cluster_last_success_timestamp_seconds{cluster=\"prod-eu\",command=\"apply\"} "
                        + T2.getEpochSecond() + "\n")
                .contains("fleetsync_cluster_last_success_timestamp_seconds{cluster=\"prod-us\",command=\"apply\"} "
                        + T1.getEpochSecond() + "\n")
                .contains("fleetsync_run_success{command=\"apply\"} 0\n");
        assertThat(text.split("# TYPE fleetsync_last_success_timestamp_seconds ", -1)).hasSize(2);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left").hasSize(1);
        }
    }

    @Test
    void pushPostsOneGroupForTheRunAndOnePerCluster() {
        var gateway = new Pushgateway(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                Duration.ofSeconds(5));

        var problems = gateway.push(RunMetrics.of(report(ClusterReport.Status.FAILED), Optional.of(new Shard(0, 2)),
                T1));

        assertThat(problems).isEmpty();
        assertThat(requests).hasSize(3);
        var run = requests.get(0);
        assertThat(run).startsWith("POST /metrics/job/fleetsync/command/apply/shard/0 text/plain; version=0.0.4")
                .contains("fleetsync_run_success{command=\"apply\",shard=\"0\"} 0\n")
                .doesNotContain("cluster=");
        assertThat(requests.get(1)).startsWith("POST /metrics/job/fleetsync/command/apply/cluster/prod-eu ")
                .contains("fleetsync_cluster_last_success_timestamp_seconds{cluster=\"prod-eu\",command=\"apply\"}")
                .doesNotContain("prod-us");
        assertThat(requests.get(2)).startsWith("POST /metrics/job/fleetsync/command/apply/cluster/prod-us ")
                .contains("fleetsync_cluster_success{cluster=\"prod-us\",command=\"apply\"} 0\n")
                .doesNotContain("last_success");
    }

    @Test
    void aRejectedOrUnreachableGatewayIsReportedNotThrown() throws IOException {
        var rejected = new Pushgateway(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/broken"),
                Duration.ofSeconds(5)).push(RunMetrics.of(report(ClusterReport.Status.OK), Optional.empty(), T1));
        assertThat(rejected).hasSize(3).allMatch(p -> p.contains("HTTP 400"));

        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var down = new Pushgateway(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2))
                .push(RunMetrics.of(report(ClusterReport.Status.OK), Optional.empty(), T1));
        assertThat(down).as("stops after the first connection failure").hasSize(1);
    }

    @Test
    void labelValuesThatAreNotUrlSafeAreBase64InThePath() {
        var gateway = new Pushgateway(URI.create("http://gateway:9091"), Duration.ofSeconds(1));
        assertThat(gateway.groupUri(java.util.Map.of("cluster", "a/b")).toString())
                .isEqualTo("http://gateway:9091/metrics/job/fleetsync/cluster@base64/YS9i");
    }
}
