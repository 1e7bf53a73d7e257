package io.fleetsync.diff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Set difference of two managedFields {@code FieldsV1} tries.
 *
 * <p>In a trie a path is a member when its node is empty ({@code f:image: {}}) or holds {@code "."} (the list item
 * or map itself, beside members under it); other nodes only lead to members. structured-merge-diff has this as
 * {@code Set.Difference} in Go; there is no Java implementation, so it is written here.
 */
final class FieldSet {
    private FieldSet() {
    }

    /** The members under {@code root} that are not members under {@code other} (the root itself is never one). */
    static Map<String, Object> minusChildren(Map<String, Object> root, Map<String, Object> other) {
        var out = new LinkedHashMap<String, Object>();
        for (var e : root.entrySet()) {
            if (e.getKey().equals(".")) {
                continue;
            }
            var rest = minus(node(e.getValue()), other == null ? null : nodeOrNull(other.get(e.getKey())));
            if (rest != null) {
                out.put(e.getKey(), rest);
            }
        }
        return out;
    }

    /** What remains of the node {@code a} without the members of {@code b} at the same path; null for nothing. */
    private static Map<String, Object> minus(Map<String, Object> a, Map<String, Object> b) {
        if (b == null) {
            return a;
        }
        boolean keepSelf = isMember(a) && !isMember(b);
        var children = minusChildren(a, b);
        if (children.isEmpty()) {
            return keepSelf ? Map.of() : null;
        }
        if (keepSelf) {
            var withSelf = new LinkedHashMap<String, Object>();
            withSelf.put(".", Map.of());
            withSelf.putAll(children);
            return withSelf;
        }
        return children;
    }

    private static boolean isMember(Map<String, Object> node) {
        return node.isEmpty() || node.containsKey(".");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, Object> nodeOrNull(Object value) {
        return value == null ? null : node(value);
    }
}
