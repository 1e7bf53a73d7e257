package io.fleetsync.manifest;

import io.fleetsync.fleet.Cluster;
import io.fleetsync.input.InputProblem;
import io.fleetsync.input.YamlProblems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The manifest files of one load: each file is read and, unless it holds placeholders, parsed once; files with
 * placeholders are rendered per cluster and parsed once per distinct rendering (clusters with the same labels
 * share it). Documents are immutable, so sharing them between clusters and targets is safe.
 *
 * <p>What is kept is what a later cluster can reuse, and no more: the parsed documents, the text of a file with
 * placeholders (rendered again per cluster), and a digest of each rendering. At 1000 clusters with a file each, the
 * texts and renderings held as strings were tens of megabytes of a load's peak.
 */
final class ManifestSources {
    private final ManifestParser parser;
    private final Map<Path, List<ManifestDocument>> plain = new HashMap<>();
    private final Map<Path, Optional<String>> templates = new HashMap<>();
    private final Map<Path, Map<String, List<ManifestDocument>>> rendered = new HashMap<>();
    private final List<InputProblem> problems;

    ManifestSources(List<InputProblem> problems, SharedValues shared) {
        this.problems = problems;
        this.parser = new ManifestParser(shared);
    }

    List<ManifestDocument> documents(Path file, Cluster cluster) {
        var parsed = plain.get(file);
        if (parsed != null) {
            return parsed;
        }
        var template = templates.get(file);
        if (template == null) {
            var text = read(file);
            if (text.isPresent() && !ClusterTemplate.needsRendering(text.get())) {
                parsed = parser.parse(file, text.get(), problems);
                plain.put(file, parsed);
                return parsed;
            }
            template = text;
            templates.put(file, template);
        }
        if (template.isEmpty()) {
            return List.of();
        }
        var renderedText = new ClusterTemplate(cluster).render(file, template.get(), problems);
        if (renderedText == null) {
            return List.of();
        }
        return rendered.computeIfAbsent(file, f -> new HashMap<>())
                .computeIfAbsent(digest(renderedText), d -> parser.parse(file, renderedText, problems));
    }

    /** A rendering's identity, short: SHA-256 makes two different texts with one digest a non-event. */
    private static String digest(String text) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
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
