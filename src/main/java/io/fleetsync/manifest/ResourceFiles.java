package io.fleetsync.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands one {@code resources} entry of a target into manifest files, relative to the fleet file's folder: a
 * file is itself, a directory is every {@code *.yaml}/{@code *.yml} below it, a glob is every file it matches.
 * Results are sorted so runs are reproducible whatever order the file system lists.
 */
final class ResourceFiles {
    private final Path baseDir;

    ResourceFiles(Path baseDir) {
        this.baseDir = baseDir;
    }

    static boolean isGlob(String entry) {
        return entry.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** Matching files, empty when nothing matches; a malformed glob raises IllegalArgumentException. */
    List<Path> expand(String entry) throws IOException {
        if (isGlob(entry)) {
            return glob(entry);
        }
        var path = baseDir.resolve(entry).normalize();
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (Files.isDirectory(path)) {
            return walk(path, file -> {
                var name = file.getFileName().toString();
                return name.endsWith(".yaml") || name.endsWith(".yml");
            });
        }
        return List.of();
    }

    /** Walks only below the glob's literal prefix, matching the rest against paths relative to it. */
    private List<Path> glob(String entry) throws IOException {
        var segments = entry.split("/", -1);
        int literal = 0;
        while (literal < segments.length - 1 && !isGlob(segments[literal])) {
            literal++;
        }
        var prefix = String.join("/", java.util.Arrays.copyOfRange(segments, 0, literal));
        var pattern = String.join("/", java.util.Arrays.copyOfRange(segments, literal, segments.length));
        var root = baseDir.resolve(prefix).normalize();
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        return walk(root, file -> matcher.matches(root.relativize(file)));
    }

    private static List<Path> walk(Path root, java.util.function.Predicate<Path> keep) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(keep).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
