package io.fleetsync.cluster;

import io.fleetsync.resource.GroupKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resource types one cluster serves, looked up by group/version/kind or by group/kind (preferred version). */
public final class Discovery {
    private final Map<String, ApiResource> byGvk = new HashMap<>();
    private final Map<GroupKind, ApiResource> preferred = new HashMap<>();

    /** @param resources in server preference order: the first version seen for a kind is its preferred one */
    public Discovery(List<ApiResource> resources) {
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

    /** Every namespaced resource type, in its preferred version. */
    public java.util.List<ApiResource> namespacedResources() {
        return preferred.values().stream().filter(ApiResource::namespaced).toList();
    }

    private static String gvk(String apiVersion, String kind) {
        return apiVersion + "/" + kind;
    }
}
