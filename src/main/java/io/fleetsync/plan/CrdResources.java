package io.fleetsync.plan;

import io.fleetsync.resource.CrdDefinition;
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
    static List<ApiResource> of(Map<String, Object> crd) {
        var out = new ArrayList<ApiResource>();
        var def = CrdDefinition.of(crd);
        // A manifest may leave scope out (the server then refuses it): planned as namespaced, the server's word wins.
        boolean namespaced = def.scope() != CrdDefinition.Scope.CLUSTER;
        if (def.group() == null || def.kind() == null || def.plural() == null) {
            return out;
        }
        for (var v : def.versions()) {
            if (!Boolean.FALSE.equals(v.served()) && v.name() != null) {
                out.add(new ApiResource(def.group(), v.name(), def.kind(), def.plural(), namespaced));
            }
        }
        return out;
    }
}
