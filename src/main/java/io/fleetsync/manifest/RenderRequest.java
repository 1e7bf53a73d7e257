package io.fleetsync.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One renderer run with every input already rendered for a cluster; also the render cache's key, so clusters
 * whose inputs render alike share one run.
 *
 * @param command the program (an absolute path) and its arguments
 * @param directory the working directory
 * @param environment variables added to the renderer's base environment (cluster variables of a generator)
 * @param label how the output's documents are located, e.g. {@code kustomize:overlays/prod}
 */
record RenderRequest(List<String> command, Path directory, Map<String, String> environment, String label) {
    RenderRequest {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
