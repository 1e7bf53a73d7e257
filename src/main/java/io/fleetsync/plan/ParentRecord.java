package io.fleetsync.plan;

import io.fleetsync.resource.ApplySet;
import io.fleetsync.resource.GroupKind;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an ApplySet parent says the set spans: the group-kinds and namespaces of its members. Null-safe: a missing
 * parent spans nothing.
 *
 * @param fleet the fleet name the live parent carries ({@code fleetsync.io/fleet}); null when none or no parent
 * @param cluster the cluster name the live parent carries ({@code fleetsync.io/cluster}); null when none or no parent
 */
public record ParentRecord(SortedSet<GroupKind> groupKinds, SortedSet<String> namespaces, boolean exists,
                           String fleet, String cluster) {

    public ParentRecord(SortedSet<GroupKind> groupKinds, SortedSet<String> namespaces, boolean exists) {
        this(groupKinds, namespaces, exists, null, null);
    }

    public ParentRecord(SortedSet<GroupKind> groupKinds, SortedSet<String> namespaces, boolean exists,
                        String fleet) {
        this(groupKinds, namespaces, exists, fleet, null);
    }

    public static ParentRecord none() {
        return new ParentRecord(new TreeSet<>(), new TreeSet<>(), false);
    }

    @SuppressWarnings("unchecked")
    public static ParentRecord read(Map<String, Object> parent) {
        if (parent == null) {
            return none();
        }
        var meta = (Map<String, Object>) parent.getOrDefault("metadata", Map.of());
        var annotations = (Map<String, String>) meta.getOrDefault("annotations", Map.of());
        var kinds = split(annotations.get(ApplySet.ANNOTATION_GROUP_KINDS)).stream()
                .map(GroupKind::parseApplySetName).collect(Collectors.toCollection(TreeSet::new));
        return new ParentRecord(kinds, new TreeSet<>(split(annotations.get(ApplySet.ANNOTATION_NAMESPACES))), true,
                annotations.get(ApplySet.ANNOTATION_FLEET), annotations.get(ApplySet.ANNOTATION_CLUSTER));
    }

    public ParentRecord union(Set<GroupKind> kinds, Set<String> ns) {
        var k = new TreeSet<>(groupKinds);
        k.addAll(kinds);
        var n = new TreeSet<>(namespaces);
        n.addAll(ns);
        return new ParentRecord(k, n, exists, fleet, cluster);
    }

    /** The parent ConfigMap as applied by fleetsync. */
    public Map<String, Object> toParent(ApplySet set) {
        var annotations = new java.util.LinkedHashMap<String, Object>();
        annotations.put(ApplySet.ANNOTATION_TOOLING, ApplySet.TOOLING);
        annotations.put(ApplySet.ANNOTATION_TARGET, set.target());
        if (set.fleet() != null) {
            annotations.put(ApplySet.ANNOTATION_FLEET, set.fleet());
        }
        if (set.cluster() != null) {
            annotations.put(ApplySet.ANNOTATION_CLUSTER, set.cluster());
        }
        annotations.put(ApplySet.ANNOTATION_GROUP_KINDS,
                groupKinds.stream().map(GroupKind::applySetName).collect(Collectors.joining(",")));
        annotations.put(ApplySet.ANNOTATION_NAMESPACES, String.join(",", namespaces));
        return Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", set.parentName(), "namespace", set.parentNamespace(),
                        "labels", Map.of(ApplySet.LABEL_ID, set.id()),
                        "annotations", annotations));
    }

    private static Set<String> split(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
