package io.fleetsync.resource;

/** Identity of one object within a cluster; namespace is empty for cluster-scoped objects. */
public record ResourceKey(String group, String kind, String namespace, String name) implements Comparable<ResourceKey> {

    public ResourceKey {
        namespace = namespace == null ? "" : namespace;
    }

    public GroupKind groupKind() {
        return new GroupKind(group, kind);
    }

    public boolean namespaced() {
        return !namespace.isEmpty();
    }

    /** Human form used in plans and errors: {@code Kind.group/namespace/name}. */
    public String subject() {
        var gk = groupKind().applySetName();
        return namespaced() ? gk + "/" + namespace + "/" + name : gk + "/" + name;
    }

    @Override
    public int compareTo(ResourceKey o) {
        int c = groupKind().compareTo(o.groupKind());
        if (c == 0) c = namespace.compareTo(o.namespace);
        if (c == 0) c = name.compareTo(o.name);
        return c;
    }

    @Override
    public String toString() {
        return subject();
    }
}
