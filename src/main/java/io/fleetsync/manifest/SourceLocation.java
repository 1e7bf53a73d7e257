package io.fleetsync.manifest;

import java.nio.file.Path;

/**
 * Where a manifest document starts.
 *
 * @param file the manifest file; for rendered output, the fleet file that names the renderer
 * @param line the document's line in the file; for rendered output, the line of the {@code resources} entry
 * @param renderer for rendered output, the renderer with its rendered inputs, e.g. {@code kustomize:overlays/prod};
 *     null for a manifest file
 * @param document for rendered output, the document's 1-based place in the renderer's output
 */
public record SourceLocation(Path file, int line, String renderer, int document) {
    public SourceLocation(Path file, int line) {
        this(file, line, null, 0);
    }

    /** For rendered output, e.g. {@code kustomize:overlays/prod (document 3)}; null for a manifest file. */
    public String rendered() {
        return renderer == null ? null : renderer + " (document " + document + ")";
    }

    /** What produced the document: the renderer, or the manifest file. */
    public String origin() {
        return renderer != null ? renderer : file.toString();
    }

    @Override
    public String toString() {
        return renderer != null ? rendered() : file + ":" + line;
    }
}
