package io.fleetsync.plan;

import io.fleetsync.resource.CrdDefinition;
import io.fleetsync.diff.HoldBack;
import io.fleetsync.resource.ResourceKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The pure half of {@link CascadeGuard}: which listed objects count, what a CRD's objects are, the verdict. */
final class CascadeRules {
    /** Kinds the cluster writes into every namespace by itself; they go with the namespace and nobody applies them. */
    static final Set<String> SYSTEM_KINDS = Set.of("Event", "Endpoints", "EndpointSlice", "Lease");
    private static final Set<String> AUTO_CREATED = Set.of("ServiceAccount/default", "ConfigMap/kube-root-ca.crt");

    /** Where a CRD's objects are listed: one served version is enough, every version shares one storage. */
    record CrdObjects(String group, String version, String kind, String plural, boolean namespaced) {
        String collectionPath() {
            return "/apis/" + group + "/" + version + "/" + plural;
        }
    }

    private CascadeRules() {
    }

    /**
     * Objects the cluster made that go with their namespace whoever owns it: dependents (owner references: their
     * owners are listed themselves), events and endpoints, the default ServiceAccount and the root-CA ConfigMap.
     */
    @SuppressWarnings("unchecked")
    static boolean madeByCluster(String kind, Map<String, Object> item) {
        if (SYSTEM_KINDS.contains(kind)) {
            return true;
        }
        var meta = (Map<String, Object>) item.getOrDefault("metadata", Map.of());
        return (meta.get("ownerReferences") instanceof List<?> refs && !refs.isEmpty())
                || AUTO_CREATED.contains(kind + "/" + meta.get("name"));
    }

    /** Objects among {@code found} that the delete would take with it although the plan does not prune them. */
    static Optional<HoldBack> verdict(HoldBack.Reason reason, Collection<ResourceKey> found, PruneScope scope) {
        var foreign = new TreeSet<ResourceKey>();
        found.stream().filter(k -> !scope.pruned().contains(k)).forEach(foreign::add);
        if (foreign.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HoldBack(reason, foreign.size(), foreign.first().subject()));
    }

    /** Where to list a CRD's objects, or empty when it serves no version (they still exist, but cannot be listed). */
    static Optional<CrdObjects> crdObjects(Map<String, Object> crd) {
        var def = CrdDefinition.of(crd);
        return def.versions().stream().filter(v -> Boolean.TRUE.equals(v.served())).map(CrdDefinition.Version::name)
                .findFirst().map(v -> new CrdObjects(def.group(), v, def.kind(), def.plural(),
                        def.scope() == CrdDefinition.Scope.NAMESPACED));
    }
}
