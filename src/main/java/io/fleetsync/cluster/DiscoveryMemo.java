package io.fleetsync.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The discovery documents a run has read, so clusters that serve the same one share it instead of each downloading
 * and parsing its own. Kubernetes answers aggregated discovery with a strong ETag that is the SHA-512 of the document
 * (128 hex digits): the same on every API server that serves the same bytes. A cluster asked with the ETag last seen
 * answers 304 when it serves that document, and what was parsed from the first is used again; any other answer is
 * the cluster's own document, read as before. Correctness never rests on this memo: the server decides, every time.
 *
 * <p>Only ETags that look like a content hash (64 or more hex digits) are shared: a counter or a short id names a
 * version on one server, not the same bytes on another. Thread-safe; one per run.
 */
public final class DiscoveryMemo {
    private static final Pattern CONTENT_HASH = Pattern.compile("\"[0-9A-Fa-f]{64,}\"");
    /** Distinct cluster discoveries kept; a fleet with more variants than this reads the rest per cluster. */
    private static final int MAX_DISCOVERIES = 64;

    /** One discovery document (of {@code /api} or {@code /apis}) and the resources it lists. */
    public record Document(String etag, List<ApiResource> resources) {
        public Document {
            resources = List.copyOf(resources);
        }

        boolean shareable() {
            return etag != null && CONTENT_HASH.matcher(etag).matches();
        }
    }

    private final ConcurrentHashMap<String, Document> latestByPath = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<List<String>, Discovery> byEtags = new ConcurrentHashMap<>();

    /** The document of {@code path} last read with a shareable ETag, to ask the next cluster with. */
    public Optional<Document> latest(String path) {
        return Optional.ofNullable(latestByPath.get(path));
    }

    /** Remembers a document read from a cluster, when its ETag can be shared; returns it. */
    public Document remember(String path, Document document) {
        if (document.shareable()) {
            latestByPath.put(path, document);
        }
        return document;
    }

    /** The discovery the documents make, one instance for every cluster that serves the same documents. */
    public Discovery discovery(List<Document> documents) {
        if (!documents.stream().allMatch(Document::shareable)) {
            return build(documents);
        }
        var key = documents.stream().map(Document::etag).toList();
        var known = byEtags.get(key);
        if (known != null) {
            return known;
        }
        var built = build(documents);
        if (byEtags.size() >= MAX_DISCOVERIES) {
            return built;
        }
        return Objects.requireNonNullElse(byEtags.putIfAbsent(key, built), built);
    }

    private static Discovery build(List<Document> documents) {
        var all = new ArrayList<ApiResource>();
        documents.forEach(d -> all.addAll(d.resources()));
        return new Discovery(all);
    }
}
