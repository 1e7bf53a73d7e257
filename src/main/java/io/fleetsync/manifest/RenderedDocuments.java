package io.fleetsync.manifest;

import java.util.List;

/**
 * What one source yields for one cluster: the documents to apply, and the Helm hook documents left out of them.
 */
record RenderedDocuments(List<ManifestDocument> objects, List<ManifestDocument> hooks) {
    static final RenderedDocuments NONE = new RenderedDocuments(List.of(), List.of());

    RenderedDocuments {
        objects = List.copyOf(objects);
        hooks = List.copyOf(hooks);
    }

    static RenderedDocuments of(List<ManifestDocument> objects) {
        return new RenderedDocuments(objects, List.of());
    }
}
