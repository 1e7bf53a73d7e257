package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container with a read-only root file system and no writable {@code /tmp}: commands that render nothing must
 * still run. Vert.x, which starts with every command, used to make a cache folder under {@code java.io.tmpdir} and
 * failed start-up when it could not ("Unable to create folder at path '…/vertx-cache/…'"), before the command line
 * was even read. The temporary folder here is below {@code /dev/null}, which no one, root included, can create.
 */
@QuarkusMainIntegrationTest
@TestProfile(PackagedUnwritableTmpIT.UnwritableTmp.class)
class PackagedUnwritableTmpIT {
    /** Passed to the launched artifact as {@code -Djava.io.tmpdir=…}, as a JVM or native run-time option. */
    public static final class UnwritableTmp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("java.io.tmpdir", "/dev/null/tmp");
        }
    }

    private final Clusters clusters = ClusterPool.instance().shared(1);

    @Test
    void versionPlanAndApplyRunWithoutAWritableTemporaryFolder(QuarkusMainLauncher launcher, @TempDir Path dir) {
        var version = launcher.launch("version");
        assertThat(version.exitCode()).as(version.getErrorOutput()).isZero();
        assertThat(version.getOutput()).as(version.getErrorOutput()).startsWith("fleetsync ");

        var ws = new Workspace(dir, clusters);
        var ns = ws.ns("ro-tmp");
        ws.write("app/ns.yaml", Manifests.namespace(ns));
        ws.write("app/cfg.yaml", Manifests.configMap("cfg", "${cluster.name}"));
        ws.fleet("""
                  - name: ro-tmp-%s
                    clusters: {names: [%s]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, ws.cluster(0).name(), ns));

        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.action(ws.cluster(0).name(), "ConfigMap/" + ns + "/cfg")).isEqualTo("create");
        assertThat(ws.cluster(0).client().configMaps().inNamespace(ns).withName("cfg").get().getData())
                .containsEntry("key", ws.cluster(0).name());

        var replan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        assertThat(replan.exitCode()).as(replan.toString()).isZero();
        assertThat(replan.action(ws.cluster(0).name(), "ConfigMap/" + ns + "/cfg")).isEqualTo("unchanged");
    }
}
