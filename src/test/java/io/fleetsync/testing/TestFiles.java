package io.fleetsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** File helpers tests share, e.g. a copy of examples/ they may edit. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Copies a folder tree (files and folders) to {@code to}, which is returned. */
    public static Path copyTree(Path from, Path to) {
        try (var files = Files.walk(from)) {
            for (var file : files.toList()) {
                var target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
