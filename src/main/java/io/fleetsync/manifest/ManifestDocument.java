package io.fleetsync.manifest;

import java.util.Map;

/** One parsed manifest object as written (deeply unmodifiable, nulls removed), before validation. */
record ManifestDocument(Map<String, Object> body, SourceLocation source) {
}
