package io.fleetsync.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads what a cluster serves with aggregated discovery: two requests ({@code /api} and {@code /apis}) instead of
 * one per group version. Kubernetes serves {@code apidiscovery.k8s.io/v2} since 1.30.
 */
public final class DiscoveryReader {
    static final String AGGREGATED =
            "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;q=0.9";

    public Discovery read(ObjectStore api) {
        var resources = new ArrayList<ApiResource>();
        for (var path : List.of("/api", "/apis")) {
            var doc = api.getWithAccept(path, AGGREGATED);
            if (!"APIGroupDiscoveryList".equals(doc.get("kind"))) {
                throw ApiException.of(ApiFailure.UNREADABLE,
                        "the API server does not serve aggregated discovery (Kubernetes 1.30 or newer is required)");
            }
            addGroups(doc, resources);
        }
        return new Discovery(resources);
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
