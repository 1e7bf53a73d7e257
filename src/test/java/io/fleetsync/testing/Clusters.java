package io.fleetsync.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Real clusters handed to a test, with a kubeconfig that holds all of them.
 *
 * <p>{@link #close()} stops the clusters if they were started fresh for the caller and does nothing for shared
 * ones, so {@code try (var clusters = pool.fresh(2)) {...}} and {@code pool.shared(2)} read the same way.
 */
public final class Clusters implements AutoCloseable {

    private final List<RealCluster> clusters;
    private final Consumer<List<RealCluster>> onClose;

    Clusters(List<RealCluster> clusters, Consumer<List<RealCluster>> onClose) {
        this.clusters = List.copyOf(clusters);
        this.onClose = onClose;
    }

    public List<RealCluster> all() {
        return clusters;
    }

    public RealCluster get(int index) {
        return clusters.get(index);
    }

    public int size() {
        return clusters.size();
    }

    /** Writes ONE kubeconfig with a context per cluster (named after it); the first cluster is current. */
    public Path writeKubeconfig(Path file) {
        return Kubeconfig.write(file, clusters.stream().map(RealCluster::access).toList());
    }

    /** The kubeconfig of {@link #writeKubeconfig(Path)} as YAML. */
    public String kubeconfigYaml() {
        return Kubeconfig.yaml(clusters.stream().map(RealCluster::access).toList());
    }

    @Override
    public void close() {
        onClose.accept(clusters);
    }

    @Override
    public String toString() {
        return clusters.toString();
    }
}
