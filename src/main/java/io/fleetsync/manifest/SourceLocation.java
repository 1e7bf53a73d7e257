package io.fleetsync.manifest;

import java.nio.file.Path;

/**
 * Where a manifest document starts.
 *
 * @param file the manifest file; for rendered output, the fleet file that names the renderer
 * @param line the document's line in the file; for rendered output, the line of the {@code resources} entry
 * @param rendered for rendered output, the renderer and the document's place in its output, e.g.
 *     {@code kustomize:overlays/prod (document 3)}; null for a manifest file
 */
public record SourceLocation(Path file, int line, String rendered) {
    public SourceLocation(Path file, int line) {
        this(file, line, null);
    }

    @Override
    public String toString() {
        return rendered != null ? rendered : file + ":" + line;
    }
}
