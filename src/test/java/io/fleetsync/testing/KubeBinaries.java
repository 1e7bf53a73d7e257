package io.fleetsync.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes and etcd binaries that {@code scripts/kube-binaries} builds, where kube-api-test looks for them.
 *
 * <p>Tests that need a real cluster fail (never skip) when one is missing, so a machine without binaries cannot
 * pass the suite by accident.
 */
public record KubeBinaries(String kubernetesVersion, Path directory) {

    /** Kept in step with {@code K8S_VERSION} in {@code scripts/kube-binaries}. */
    public static final String DEFAULT_KUBERNETES_VERSION = "1.34.4";

    static final List<String> API_SERVER_BINARIES = List.of("etcd", "kube-apiserver", "kubectl");
    static final String CONTROLLER_MANAGER = "kube-controller-manager";
    static final String SCHEDULER = "kube-scheduler";

    /** The binaries of the pinned version under {@code ${KUBE_API_TEST_DIR:-~/.kubeapitest}}. */
    public static KubeBinaries fromEnvironment() {
        // Same override as scripts/kube-binaries and scripts/local-fleet (FLEETSYNC_K8S_VERSION).
        var fromEnv = System.getenv("FLEETSYNC_K8S_VERSION");
        var version = System.getProperty("fleetsync.k8s.version",
                fromEnv == null || fromEnv.isBlank() ? DEFAULT_KUBERNETES_VERSION : fromEnv);
        var base = System.getenv("KUBE_API_TEST_DIR");
        var root = base == null || base.isBlank()
                ? Path.of(System.getProperty("user.home"), ".kubeapitest")
                : Path.of(base);
        return new KubeBinaries(version, root.resolve("k8s").resolve(version + "-linux-amd64").toAbsolutePath());
    }

    public Path binary(String name) {
        return directory.resolve(name);
    }

    /** Checks that every named binary is present and executable, or throws naming what is missing and the fix. */
    public KubeBinaries require(List<String> names) {
        var missing = new ArrayList<String>();
        for (var name : names) {
            if (!Files.isExecutable(binary(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingKubeBinariesException(this, missing);
        }
        return this;
    }

    /** Thrown when a test asks for a real cluster on a machine without the binaries. */
    public static final class MissingKubeBinariesException extends IllegalStateException {
        MissingKubeBinariesException(KubeBinaries binaries, List<String> missing) {
            super("Real-cluster tests need " + String.join(", ", missing) + " for Kubernetes "
                    + binaries.kubernetesVersion() + " in " + binaries.directory() + ", but "
                    + binaries.binary(missing.getFirst()) + (missing.size() > 1 ? " (and others) are" : " is")
                    + " missing. Run scripts/kube-binaries (it builds kube-apiserver, kube-controller-manager,"
                    + " kube-scheduler, kubectl and etcd from the Go module proxy; about 10-20 minutes cold, seconds"
                    + " when cached) or use scripts/test, which runs it before the tests.");
        }
    }
}
