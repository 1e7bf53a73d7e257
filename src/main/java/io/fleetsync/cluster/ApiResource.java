package io.fleetsync.cluster;

import io.fleetsync.resource.GroupKind;

/** One served resource type: where its REST endpoint is and whether it is namespaced. */
public record ApiResource(String group, String version, String kind, String plural, boolean namespaced) {

    public GroupKind groupKind() {
        return new GroupKind(group, kind);
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** Collection path, for one namespace or (namespace null/empty) cluster-wide. */
    public String collectionPath(String namespace) {
        var prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        if (namespaced && namespace != null && !namespace.isEmpty()) {
            return prefix + "/namespaces/" + namespace + "/" + plural;
        }
        return prefix + "/" + plural;
    }

    public String objectPath(String namespace, String name) {
        return collectionPath(namespaced ? namespace : null) + "/" + name;
    }
}
