package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharded runs through the CLI: each cluster is applied by exactly one shard, and each shard reports its metrics. */
@QuarkusMainTest
class ShardedRunTest {
    private final Clusters clusters = ClusterPool.instance().shared(3);
    private final List<String> pushes = new CopyOnWriteArrayList<>();
    private HttpServer pushgateway;
    private Workspace ws;

    @BeforeEach
    void setUp(@TempDir Path dir) throws IOException {
        pushgateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushgateway.createContext("/", exchange -> {
            pushes.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        pushgateway.start();
        ws = new Workspace(dir, clusters);
        ws.write("app/ns.yaml", Manifests.namespace(ws.ns("shard")));
        ws.write("app/cfg.yaml", Manifests.configMap("cfg", "${cluster.name}"));
        ws.fleet("""
                  - name: shard-%s
                    clusters: {labels: {tier: prod}, names: [%s]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, ws.cluster(0).name(), ws.ns("shard")));
    }

    @AfterEach
    void stopReceiver() {
        pushgateway.stop(0);
    }

    @Test
    void threeShardsApplyEveryClusterExactlyOnceAndPushTheirOwnMetrics(QuarkusMainLauncher launcher) throws IOException {
        var url = "http://127.0.0.1:" + pushgateway.getAddress().getPort();
        var applied = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json", "--shard", i + "/3",
                    "--metrics-push-url", url, "--metrics-file", ws.dir.resolve("shard-" + i + ".prom").toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            // In-process, the log line "shard i/3: …" lands in the captured stdout too; the document follows it.
            var report = new ObjectMapper().readTree(run.out().substring(run.out().indexOf("{\n")));
            StreamSupport.stream(report.get("clusters").spliterator(), false)
                    .forEach(c -> applied.add(c.get("name").asText()));
            assertThat(Files.readString(ws.dir.resolve("shard-" + i + ".prom")))
                    .contains("fleetsync_run_success{command=\"apply\",shard=\"" + i + "\"} 1");
        }

        assertThat(applied).as("every cluster exactly once")
                .containsExactlyInAnyOrderElementsOf(ws.all().stream().map(c -> c.name()).toList());
        for (var c : ws.all()) {
            assertThat(c.client().configMaps().inNamespace(ws.ns("shard")).withName("cfg").get()).isNotNull();
        }
        assertThat(pushes.stream().filter(p -> p.startsWith("POST /metrics/job/fleetsync/command/apply/shard/")))
                .hasSize(3);
        assertThat(pushes.stream().filter(p -> p.contains("/cluster/")).map(p -> p.substring(0, p.indexOf('\n'))))
                .containsExactlyInAnyOrderElementsOf(ws.all().stream()
                        .map(c -> "POST /metrics/job/fleetsync/command/apply/cluster/" + c.name()).toList());
        assertThat(pushes).allSatisfy(p -> assertThat(p).doesNotContain("fleetsync_run_success{command=\"apply\"} "));

        var outOfRange = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--shard", "3/3");
        assertThat(outOfRange.exitCode()).isEqualTo(64);
        assertThat(outOfRange.err()).contains("0-based");
    }
}
