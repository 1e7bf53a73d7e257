package io.fleetsync.manifest;

import java.nio.file.Path;

/** Where a manifest document starts. */
public record SourceLocation(Path file, int line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
