package io.fleetsync.fleet;

import java.nio.file.Path;
import java.util.List;

/** A validated fleet file: the clusters and the targets that place manifests on them. */
public record Fleet(Path file, List<Cluster> clusters, List<Target> targets) {
    public Fleet {
        clusters = List.copyOf(clusters);
        targets = List.copyOf(targets);
    }
}
