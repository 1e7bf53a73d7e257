package io.fleetsync.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The discovery documents a run has read, so clusters that serve the same one share it instead of each downloading
 * and parsing its own. Kubernetes answers aggregated discovery with a strong ETag that is the SHA-512 of the document
 * (128 hex digits): the same on every API server that serves the same bytes. A cluster is asked with the ETag most
 * clusters so far served (a request carries one: the server compares the header as one string), and answers 304
 * when it serves that document; any other answer is the cluster's own document, read as before, and one already
 * seen elsewhere is not kept twice. Correctness never rests on this memo: the server decides, every time.
 *
 * <p>Only ETags that look like a content hash (64 or more hex digits) are shared: a counter or a short id names a
 * version on one server, not the same bytes on another. Thread-safe; one per run.
 */
public final class DiscoveryMemo {
    private static final Pattern CONTENT_HASH = Pattern.compile("\"[0-9A-Fa-f]{64,}\"");
    /**
     * Distinct documents kept per path, and distinct discoveries: a fleet with more variants reads the rest anew.
     * Small, because each is held to the end of the run (a document of 500 CRD groups parses to ~230 KB, its
     * discovery ~300 KB), and during an initial apply that installs CRDs almost every cluster serves a new one.
     */
    private static final int MAX_VARIANTS = 8;

    /** One discovery document (of {@code /api} or {@code /apis}) and the resources it lists. */
    public record Document(String etag, List<ApiResource> resources) {
        public Document {
            resources = List.copyOf(resources);
        }

        boolean shareable() {
            return etag != null && CONTENT_HASH.matcher(etag).matches();
        }
    }

    /** A document and how many clusters served it. */
    private record Seen(Document document, AtomicInteger clusters) {
    }

    private final ConcurrentHashMap<String, Map<String, Seen>> byPath = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<List<String>, Discovery> byEtags = new ConcurrentHashMap<>();

    /** The document of {@code path} most clusters served so far, to ask the next cluster with. */
    public Optional<Document> mostServed(String path) {
        return Optional.ofNullable(byPath.get(path)).flatMap(seen -> seen.values().stream()
                .max(Comparator.comparingInt(s -> s.clusters().get()))).map(Seen::document);
    }

    /** Counts one more cluster that answered 304 to {@code document}. */
    public Document servedAgain(String path, Document document) {
        var seen = byPath.getOrDefault(path, Map.of()).get(document.etag());
        if (seen != null) {
            seen.clusters().incrementAndGet();
        }
        return document;
    }

    /** Remembers a document a cluster sent; returns the instance to use (the one kept, if it was seen before). */
    public Document remember(String path, Document document) {
        if (!document.shareable()) {
            return document;
        }
        var seen = byPath.computeIfAbsent(path, p -> new ConcurrentHashMap<>());
        var known = seen.get(document.etag());
        if (known == null && seen.size() < MAX_VARIANTS) {
            known = seen.computeIfAbsent(document.etag(), e -> new Seen(document, new AtomicInteger()));
        }
        if (known == null) {
            return document;
        }
        known.clusters().incrementAndGet();
        return known.document();
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
        if (byEtags.size() >= MAX_VARIANTS) {
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
