package io.fleetsync.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads what a cluster serves with aggregated discovery: two requests ({@code /api} and {@code /apis}) instead of
 * one per group version. Kubernetes serves {@code apidiscovery.k8s.io/v2} since 1.30. Each request names the
 * document most clusters of the run served so far ({@link DiscoveryMemo}), so like clusters answer 304 instead of
 * sending it again.
 */
public final class DiscoveryReader {
    static final String AGGREGATED =
            "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;q=0.9";
    private static final List<String> PATHS = List.of("/api", "/apis");

    private final DiscoveryMemo memo;

    /** A reader that shares nothing with other clusters. */
    public DiscoveryReader() {
        this(new DiscoveryMemo());
    }

    public DiscoveryReader(DiscoveryMemo memo) {
        this.memo = memo;
    }

    public Discovery read(ObjectStore api) {
        var documents = new ArrayList<DiscoveryMemo.Document>();
        for (var path : PATHS) {
            var known = memo.mostServed(path);
            var answer = api.getUnlessMatch(path, AGGREGATED, known.map(DiscoveryMemo.Document::etag).orElse(null));
            documents.add(switch (answer) {
                case Revalidated.NotModified ignored -> memo.servedAgain(path, known.orElseThrow(() -> ApiException.of(
                        ApiFailure.UNREADABLE, "the API server answered " + path
                                + " with 304 Not Modified, but no document was named")));
                case Revalidated.Fresh fresh -> memo.remember(path, read(fresh));
            });
        }
        return memo.discovery(documents);
    }

    private static DiscoveryMemo.Document read(Revalidated.Fresh fresh) {
        if (!"APIGroupDiscoveryList".equals(fresh.body().get("kind"))) {
            throw ApiException.of(ApiFailure.UNREADABLE,
                    "the API server does not serve aggregated discovery (Kubernetes 1.30 or newer is required)");
        }
        var resources = new ArrayList<ApiResource>();
        addGroups(fresh.body(), resources);
        return new DiscoveryMemo.Document(fresh.etag().orElse(null), resources);
    }

    @SuppressWarnings("unchecked")
    private static void addGroups(Map<String, Object> doc, List<ApiResource> out) {
        for (var item : (List<Map<String, Object>>) doc.getOrDefault("items", List.of())) {
            var meta = (Map<String, Object>) item.getOrDefault("metadata", Map.of());
            var group = (String) meta.getOrDefault("name", "");
            for (var v : (List<Map<String, Object>>) item.getOrDefault("versions", List.of())) {
                var version = (String) v.get("version");
                for (var r : (List<Map<String, Object>>) v.getOrDefault("resources", List.of())) {
                    var responseKind = (Map<String, Object>) r.get("responseKind");
                    if (responseKind == null) {
                        continue;
                    }
                    out.add(new ApiResource(group, version, (String) responseKind.get("kind"),
                            (String) r.get("resource"), "Namespaced".equals(r.get("scope"))));
                }
            }
        }
    }
}
