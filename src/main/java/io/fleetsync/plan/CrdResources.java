package io.fleetsync.plan;

import io.fleetsync.cluster.ApiResource;
import io.fleetsync.manifest.ClusterState;
import io.fleetsync.resource.ApplyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resource types the desired CRDs of one cluster define, so their custom resources can be planned first. */
final class CrdResources {
    private final List<ApiResource> resources = new ArrayList<>();

    CrdResources(ClusterState state) {
        for (var ts : state.targets()) {
            for (var d : ts.objects()) {
                if (ApplyOrder.isCrd(d.key().groupKind())) {
                    resources.addAll(of(d.body()));
                }
            }
        }
    }

    Optional<ApiResource> find(String apiVersion, String kind) {
        return resources.stream().filter(r -> r.apiVersion().equals(apiVersion) && r.kind().equals(kind)).findFirst();
    }

    /** Served versions of one CRD manifest as API resources; tolerant of incomplete manifests. */
    @SuppressWarnings("unchecked")
    static List<ApiResource> of(Map<String, Object> crd) {
        var out = new ArrayList<ApiResource>();
        if (!(crd.get("spec") instanceof Map<?, ?> specMap)) {
            return out;
        }
        var spec = (Map<String, Object>) specMap;
        var names = (Map<String, Object>) spec.getOrDefault("names", Map.of());
        var group = (String) spec.get("group");
        var kind = (String) names.get("kind");
        var plural = (String) names.get("plural");
        boolean namespaced = !"Cluster".equals(spec.get("scope"));
        if (group == null || kind == null || plural == null) {
            return out;
        }
        for (var v : (List<Map<String, Object>>) spec.getOrDefault("versions", List.of())) {
            if (!Boolean.FALSE.equals(v.get("served")) && v.get("name") instanceof String version) {
                out.add(new ApiResource(group, version, kind, plural, namespaced));
            }
        }
        return out;
    }
}
