package io.fleetsync.run;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Collections;

/**
 * Which fleet file to read and which of its clusters and targets to take.
 *
 * @param clusters cluster names to take; empty means all
 * @param targets target names to take; empty means all
 */
public record FleetInput(Path fleetFile, Set<String> clusters, Set<String> targets) {
    public FleetInput {
        // Insertion order kept: error messages list names in the order the user gave them.
        clusters = Collections.unmodifiableSet(new LinkedHashSet<>(clusters));
        targets = Collections.unmodifiableSet(new LinkedHashSet<>(targets));
    }
}
