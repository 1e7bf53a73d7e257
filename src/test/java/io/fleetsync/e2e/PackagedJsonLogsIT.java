package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container logging in the packaged artifact: with JSON logging on (as the images set it through
 * FLEETSYNC_LOG_JSON), stderr is JSON lines only and each line about a cluster names it. No API server needed: an
 * unreachable cluster produces the lines.
 */
@QuarkusMainIntegrationTest
@TestProfile(PackagedJsonLogsIT.JsonLogs.class)
class PackagedJsonLogsIT {
    /** The same switch as FLEETSYNC_LOG_JSON=true, passed to the launched artifact as a system property. */
    public static final class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fleetsync.log.json", "true");
        }
    }

    @Test
    void everyStderrLineIsJsonAndClusterLinesCarryTheClusterName(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("token"), "not-a-real-token");
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/cfg.yaml"), Manifests.configMap("cfg", "v"));
        var fleet = Files.writeString(dir.resolve("fleet.yaml"), """
                clusters:
                  - name: unreachable
                    server: https://127.0.0.1:1
                    tokenFile: token
                    labels: {env: prod}
                targets:
                  - name: app
                    clusters: {labels: {env: prod}}
                    namespace: app
                    resources: [app/]
                """);

        var run = Run.of(launcher, "plan", "-f", fleet.toString(), "--retries", "0", "--shard", "0/1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        var json = new ObjectMapper();
        var lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as(run.toString()).isNotEmpty();
        var sawCluster = false;
        for (var line : lines) {
            var record = json.readTree(line);
            assertThat(record.has("level")).as(line).isTrue();
            if (record.path("message").asText().contains("unreachable")) {
                assertThat(record.path("mdc").path("cluster").asText()).as(line).isEqualTo("unreachable");
                sawCluster = true;
            }
        }
        assertThat(sawCluster).as("a record about the cluster\n" + run).isTrue();
    }
}
