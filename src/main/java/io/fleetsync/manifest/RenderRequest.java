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
 * @param valuesFiles contents of values files, already rendered for the cluster; each is written to a temporary
 *     file passed as {@code --values <file>} after the command (Helm only). The content, not a path, is the key.
 */
record RenderRequest(Kind kind, List<String> command, Path directory, Map<String, String> environment, String label,
        List<String> valuesFiles) {
    enum Kind { EXEC, KUSTOMIZE, HELM, VERSION }

    RenderRequest {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        valuesFiles = List.copyOf(valuesFiles);
    }

    RenderRequest(Kind kind, List<String> command, Path directory, Map<String, String> environment, String label) {
        this(kind, command, directory, environment, label, List.of());
    }
}
