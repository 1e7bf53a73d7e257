package io.fleetsync.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs kube-controller-manager next to a harness cluster; kube-api-test starts only etcd and kube-apiserver.
 *
 * <p>It reuses kube-api-test's files in the cluster folder: the API server key signs service-account tokens
 * ({@code --service-account-signing-key-file} of kube-api-test) and its certificate is the cluster's CA.
 */
final class ControllerManager {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private ControllerManager() {
    }

    static Process start(KubeBinaries binaries, Path clusterDir, Path kubeconfig) {
        var binDir = LoopbackBinaries.install(binaries, clusterDir, List.of(KubeBinaries.CONTROLLER_MANAGER));
        var log = clusterDir.resolve("kube-controller-manager.log");
        try {
            return Spawn.start(new ProcessBuilder(binDir.resolve(KubeBinaries.CONTROLLER_MANAGER).toString(),
                    "--kubeconfig=" + kubeconfig,
                    "--leader-elect=false",
                    "--bind-address=127.0.0.1",
                    "--secure-port=0", // no HTTPS endpoint at all: nothing listens but the API server and etcd
                    "--use-service-account-credentials=false",
                    "--service-account-private-key-file=" + clusterDir.resolve("apiserver.key"),
                    "--root-ca-file=" + clusterDir.resolve("apiserver.crt"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start kube-controller-manager for " + clusterDir, e);
        }
    }

    /** Waits until the service-account controller has created {@code default/default}: controllers are running. */
    static void awaitWorking(Process process, KubernetesClient client, Path clusterDir) {
        var deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (client.serviceAccounts().inNamespace("default").withName("default").get() == null) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("kube-controller-manager "
                        + (process.isAlive() ? "not working after " + READY_TIMEOUT.toSeconds() + " s"
                                : "exited with " + process.exitValue())
                        + "; last lines of its log:\n" + tail(clusterDir.resolve("kube-controller-manager.log")));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for kube-controller-manager", e);
            }
        }
    }

    static void stop(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
