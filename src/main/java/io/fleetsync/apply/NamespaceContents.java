package io.fleetsync.apply;

import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.Discovery;
import io.fleetsync.cluster.KubeApi;
import io.fleetsync.resource.ApplySet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deleting a namespace deletes everything in it. Before fleetsync prunes a namespace it owns, this looks for an
 * object in it that fleetsync does not own — one list per namespaced type, by label selector — so that pruning
 * never takes unowned objects with it. Objects the cluster makes by itself are not counted: dependents (they carry
 * owner references and go with their owners), events, endpoints, and the namespace's default ServiceAccount and
 * root-CA ConfigMap.
 */
final class NamespaceContents {
    private static final Set<String> SYSTEM_KINDS = Set.of("Event", "Endpoints", "EndpointSlice", "Lease");
    private static final Set<String> AUTO_CREATED = Set.of("ServiceAccount/default", "ConfigMap/kube-root-ca.crt");

    private NamespaceContents() {
    }

    /** The first object in {@code namespace} fleetsync does not own for {@code setId}, as {@code Kind/name}. */
    @SuppressWarnings("unchecked")
    static Optional<String> firstUnowned(KubeApi api, Discovery discovery, String namespace, String setId) {
        var selector = ApplySet.LABEL_PART_OF + "!=" + setId;
        for (var type : discovery.namespacedResources()) {
            if (SYSTEM_KINDS.contains(type.kind())) {
                continue;
            }
            List<Map<String, Object>> items;
            try {
                items = api.list(type.collectionPath(namespace), selector);
            } catch (ApiException e) {
                if (e.code() == 404 || e.code() == 405) {
                    continue; // a type that cannot be listed holds nothing we could check
                }
                // Unknown is not empty: refuse to delete rather than guess.
                return Optional.of("(" + type.kind() + " could not be listed: " + e.getMessage() + ")");
            }
            for (var item : items) {
                var meta = (Map<String, Object>) item.getOrDefault("metadata", Map.of());
                var refs = meta.get("ownerReferences");
                var id = type.kind() + "/" + meta.get("name");
                if ((refs instanceof List<?> l && !l.isEmpty()) || AUTO_CREATED.contains(id)) {
                    continue;
                }
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
