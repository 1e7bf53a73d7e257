package io.fleetsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * kwok (sigs.k8s.io/kwok), built by {@code scripts/kwok}: plays the kubelet of every node of a harness cluster,
 * moving pods through the stages of {@code kwok-stages.yaml} (next to this class in the test resources; the
 * image patterns that make a pod fail are described there and in docs/testing.md).
 */
final class Kwok {

    static final String BINARY = "kwok";
    /** Kept in step with {@code VERSION} in {@code scripts/kwok}. */
    static final String DEFAULT_VERSION = "0.8.0";
    static final String STAGES_RESOURCE = "kwok-stages.yaml";

    private Kwok() {
    }

    /** {@code $FLEETSYNC_KWOK} (what scripts/test exports), else where scripts/kwok caches the pinned version. */
    static Path binary() {
        var fromEnv = System.getenv("FLEETSYNC_KWOK");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        var tools = System.getenv("FLEETSYNC_TOOLS_DIR");
        var root = tools == null || tools.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "fleetsync", "tools")
                : Path.of(tools);
        return root.resolve("kwok-" + DEFAULT_VERSION).resolve(BINARY);
    }

    /** Fails (never skips) with the command that builds kwok when it is missing. */
    static Path requireBinary() {
        var binary = binary();
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("clusters with workloads need kwok " + DEFAULT_VERSION + " at " + binary
                    + ", which is missing: run scripts/kwok (scripts/test does, and exports FLEETSYNC_KWOK)");
        }
        return binary;
    }

    static SideProcess start(Path clusterDir, Path kubeconfig) {
        var launcher = LoopbackBinaries.install(clusterDir.resolve("kwok-bin"), BINARY, requireBinary());
        var stages = writeStages(clusterDir.resolve(STAGES_RESOURCE));
        var home = clusterDir.resolve("kwok-home");
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + home, e);
        }
        return SideProcess.start(BINARY, List.of(
                launcher.toString(),
                "--kubeconfig=" + kubeconfig,
                "--config=" + stages,
                "--manage-all-nodes=true",
                // Room for 65k pod IPs: kwok hands out pod IPs from this range and fails a pod when it runs out.
                "--cidr=10.0.0.1/16",
                "--node-ip=10.255.0.1",
                // kwok renews each node's Lease at this period; the node lifecycle controller would otherwise mark
                // the nodes NotReady after 50 s and evict their pods.
                "--node-lease-duration-seconds=40"),
                clusterDir.resolve("kwok.log"),
                // kwok also loads ~/.kwok/kwok.yaml when it exists: a home of its own keeps the user's out.
                Map.of("HOME", home.toString()));
    }

    private static Path writeStages(Path file) {
        try (var in = Kwok.class.getResourceAsStream(STAGES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(STAGES_RESOURCE + " is missing from the test resources");
            }
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
