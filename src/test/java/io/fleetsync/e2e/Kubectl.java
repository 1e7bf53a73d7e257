package io.fleetsync.e2e;

import io.fleetsync.testing.RealCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real kubectl (built with the test binaries) against one test cluster: what people do by hand. */
final class Kubectl {
    private static final Path BINARY = Path.of(System.getProperty("user.home"),
            ".kubeapitest/k8s/1.34.4-linux-amd64/kubectl");

    private Kubectl() {
    }

    /** Runs kubectl with the cluster's kubeconfig and returns stdout; fails the test on a non-zero exit. */
    static String run(RealCluster cluster, String... args) {
        return run(cluster, Map.of(), args);
    }

    static String run(RealCluster cluster, Map<String, String> env, String... args) {
        var command = new ArrayList<>(List.of(BINARY.toString(), "--kubeconfig", cluster.kubeconfigFile().toString()));
        command.addAll(List.of(args));
        try {
            var pb = new ProcessBuilder(command).redirectErrorStream(false);
            pb.environment().putAll(env);
            var process = pb.start();
            process.getOutputStream().close();
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl " + String.join(" ", args) + " failed:\n" + out + err);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + BINARY + " (scripts/kube-binaries builds it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
