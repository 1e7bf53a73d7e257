package io.fleetsync.manifest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the programs renderers run, from the environment fleetsync was started with: {@code FLEETSYNC_KUSTOMIZE}
 * names a kustomize binary; otherwise {@code kustomize} on PATH, otherwise {@code kubectl kustomize} (kubectl
 * embeds kustomize; its version is what {@code kubectl version --client} reports).
 */
final class RendererBinaries {
    static final String KUSTOMIZE_HELP = "install kustomize (https://kubectl.docs.kubernetes.io/installation/"
            + "kustomize/) or kubectl, put it on PATH or set FLEETSYNC_KUSTOMIZE to its path; the fleetsync"
            + " container images ship it";

    static final String HELM_HELP = "install helm 3 (https://helm.sh/docs/intro/install/), put it on PATH or set"
            + " FLEETSYNC_HELM to its path; the fleetsync container images ship it";

    private final Map<String, String> environment;

    RendererBinaries(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The command that builds a Kustomize directory given as the next argument, empty when none is installed. */
    Optional<List<String>> kustomizeBuild() {
        var named = environment.get("FLEETSYNC_KUSTOMIZE");
        if (named != null && !named.isBlank()) {
            return executable(Path.of(named)).map(p -> List.of(p.toString(), "build"));
        }
        return onPath("kustomize").map(p -> List.of(p.toString(), "build"))
                .or(() -> onPath("kubectl").map(p -> List.of(p.toString(), "kustomize")));
    }

    /** The helm binary: {@code FLEETSYNC_HELM}, else {@code helm} on PATH. */
    Optional<Path> helm() {
        var named = environment.get("FLEETSYNC_HELM");
        if (named != null && !named.isBlank()) {
            return executable(Path.of(named));
        }
        return onPath("helm");
    }

    /** The command that prints the version of what {@link #kustomizeBuild()} runs. */
    static List<String> versionCommand(List<String> build) {
        return build.get(1).equals("build") ? List.of(build.getFirst(), "version")
                : List.of(build.getFirst(), "version", "--client");
    }

    /** A program named like on a command line: a name is looked up on PATH, a path is taken as it is. */
    Optional<Path> program(String name, Path baseDir) {
        if (name.contains("/")) {
            return executable(baseDir.resolve(name).toAbsolutePath().normalize());
        }
        return onPath(name);
    }

    private Optional<Path> onPath(String name) {
        var path = environment.getOrDefault("PATH", "");
        for (var dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                var found = executable(Path.of(dir, name));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> executable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path.toAbsolutePath())
                : Optional.empty();
    }
}
