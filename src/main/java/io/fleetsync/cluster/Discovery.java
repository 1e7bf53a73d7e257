package io.fleetsync.cluster;

import io.fleetsync.resource.GroupKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resource types one cluster serves, looked up by group/version/kind or by group/kind (preferred version). */
public final class Discovery {
    private final List<ApiResource> all;
    private final Map<String, ApiResource> byGvk = new HashMap<>();
    private final Map<GroupKind, ApiResource> preferred = new HashMap<>();

    /** @param resources in server preference order: the first version seen for a kind is its preferred one */
    public Discovery(List<ApiResource> resources) {
        this.all = List.copyOf(resources);
        for (var r : resources) {
            byGvk.putIfAbsent(gvk(r.apiVersion(), r.kind()), r);
            preferred.putIfAbsent(r.groupKind(), r);
        }
    }

    public Optional<ApiResource> find(String apiVersion, String kind) {
        return Optional.ofNullable(byGvk.get(gvk(apiVersion, kind)));
    }

    public Optional<ApiResource> preferred(GroupKind gk) {
        return Optional.ofNullable(preferred.get(gk));
    }

    /** A copy that also knows the given types (e.g. those of a CRD created during this run). */
    public Discovery with(List<ApiResource> more) {
        var combined = new java.util.ArrayList<>(all);
        combined.addAll(more);
        return new Discovery(combined);
    }

    /** Every namespaced resource type, in its preferred version. */
    public java.util.List<ApiResource> namespacedResources() {
        return preferred.values().stream().filter(ApiResource::namespaced).toList();
    }

    private static String gvk(String apiVersion, String kind) {
        return apiVersion + "/" + kind;
    }
}
