package io.fleetsync.e2e;

import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fleet file, its manifests and a kubeconfig in a temporary folder, pointing at real test clusters. Names are
 * unique per workspace so tests on shared clusters never see each other's objects.
 */
final class Workspace {
    final Path dir;
    final Clusters clusters;
    /** Unique suffix for namespaces, targets and cluster-scoped names. */
    final String id;

    Workspace(Path dir, Clusters clusters) {
        this.dir = dir;
        this.clusters = clusters;
        this.id = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);
        clusters.writeKubeconfig(dir.resolve("kubeconfig"));
    }

    String ns(String base) {
        return base + "-" + id;
    }

    /** Writes a manifest file (relative to the workspace) and returns its path. */
    Path write(String relative, String content) {
        try {
            var file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String relative) {
        try {
            Files.deleteIfExists(dir.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code fleet.yaml} with every cluster (context = cluster name, label {@code index: <i>}) and the
     * given targets YAML (the list items under {@code targets:}), returning the file.
     */
    Path fleet(String targets) {
        var sb = new StringBuilder("clusters:\n");
        for (int i = 0; i < clusters.size(); i++) {
            var c = clusters.get(i);
            sb.append("  - name: ").append(c.name()).append('\n')
              .append("    kubeconfig: kubeconfig\n")
              .append("    context: ").append(c.name()).append('\n')
              .append("    labels: {index: \"").append(i).append("\", tier: ").append(i == 0 ? "dev" : "prod")
              .append("}\n");
        }
        sb.append("targets:\n").append(targets.stripIndent());
        return write("fleet.yaml", sb.toString());
    }

    /** Writes {@code fleet.yaml} with the given clusters and targets YAML (list items, indented by two). */
    Path fleet(String clusters, String targets) {
        return write("fleet.yaml", "clusters:\n" + clusters.stripIndent() + "targets:\n" + targets.stripIndent());
    }

    String fleetPath() {
        return dir.resolve("fleet.yaml").toString();
    }

    RealCluster cluster(int i) {
        return clusters.get(i);
    }

    List<RealCluster> all() {
        return clusters.all();
    }
}
