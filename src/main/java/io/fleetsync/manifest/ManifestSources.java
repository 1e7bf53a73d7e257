package io.fleetsync.manifest;

import io.fleetsync.fleet.Cluster;
import io.fleetsync.input.InputProblem;
import io.fleetsync.input.YamlProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest files of one load: each file is read and, unless it holds placeholders, parsed once; files with
 * placeholders are rendered per cluster and parsed once per distinct rendering (clusters with the same labels
 * share it). Documents are immutable, so sharing them between clusters and targets is safe.
 */
final class ManifestSources {
    private final ManifestParser parser = new ManifestParser();
    private final Map<Path, Optional<String>> texts = new HashMap<>();
    private final Map<Path, List<ManifestDocument>> plain = new HashMap<>();
    private final Map<Path, Map<String, List<ManifestDocument>>> rendered = new HashMap<>();
    private final List<InputProblem> problems;

    ManifestSources(List<InputProblem> problems) {
        this.problems = problems;
    }

    List<ManifestDocument> documents(Path file, Cluster cluster) {
        var text = texts.computeIfAbsent(file, this::read);
        if (text.isEmpty()) {
            return List.of();
        }
        if (!ClusterTemplate.needsRendering(text.get())) {
            return plain.computeIfAbsent(file, f -> parser.parse(f, text.get(), problems));
        }
        var renderedText = new ClusterTemplate(cluster).render(file, text.get(), problems);
        if (renderedText == null) {
            return List.of();
        }
        return rendered.computeIfAbsent(file, f -> new HashMap<>())
                .computeIfAbsent(renderedText, t -> parser.parse(file, t, problems));
    }

    private Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            problems.add(new InputProblem(file, 0, 0, null, "manifest file " + YamlProblems.unreadable(e)));
            return Optional.empty();
        }
    }
}
