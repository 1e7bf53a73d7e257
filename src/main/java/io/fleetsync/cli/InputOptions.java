package io.fleetsync.cli;

import io.fleetsync.run.FleetInput;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** Which fleet file to read and which of its clusters and targets to take. */
public class InputOptions {
    @Option(names = {"-f", "--fleet"}, defaultValue = "fleet.yaml", paramLabel = "FILE",
            description = "Fleet file (default: ${DEFAULT-VALUE}).")
    Path fleetFile;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Only this cluster (repeatable).")
    List<String> clusters = List.of();

    @Option(names = "--target", paramLabel = "NAME", description = "Only this target (repeatable).")
    List<String> targets = List.of();

    FleetInput fleetInput() {
        return new FleetInput(fleetFile, clusterFilter(), targetFilter());
    }

    Set<String> clusterFilter() {
        return new LinkedHashSet<>(clusters);
    }

    Set<String> targetFilter() {
        return new LinkedHashSet<>(targets);
    }
}
