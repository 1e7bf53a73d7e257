package io.fleetsync.manifest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes equal parts of the desired state one instance (hash-consing), so that the whole fleet's desired state, held
 * from loading until the last cluster is done, costs what is distinct in it rather than clusters × objects: a file
 * rendered per cluster repeats every field but a few, and every parsed key is its own {@code String}. At 1000
 * clusters of 40 objects the unshared state was most of the live heap (docs/benchmarks.md).
 *
 * <p>Values are the parser's unmodifiable, null-free JSON trees, so sharing is safe. Maps are shared only with
 * maps of the same entries in the same order: plans print fields in the order they were written. Not thread-safe;
 * one instance serves one load and is dropped with it. Written here because Jackson and the JDK intern only
 * strings, not trees.
 */
final class SharedValues {
    private final Map<Object, Object> scalars = new HashMap<>();
    private final Map<Shape, Map<String, Object>> maps = new HashMap<>();
    private final Map<Shape, List<Object>> lists = new HashMap<>();
    // Canonical instances, by identity: a subtree already shared (a document placed on many clusters, or put into
    // an object's stored shape) is not walked again. Only canonical instances are kept: keeping the trees they
    // replaced would hold every cluster's parsed documents until the load ends.
    private final Set<Object> canonical = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The canonical instance of a JSON value: equal to it, and the same object for every equal value. */
    Object share(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            if (canonical.contains(value)) {
                return value;
            }
            var shared = value instanceof Map<?, ?> map ? shareMap(map) : shareList((List<?>) value);
            canonical.add(shared);
            return shared;
        }
        return value == null ? null : scalars.computeIfAbsent(value, v -> v);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> shareObject(Map<String, Object> body) {
        return (Map<String, Object>) share(body);
    }

    private Map<String, Object> shareMap(Map<?, ?> map) {
        var parts = new Object[map.size() * 2];
        boolean unchanged = true;
        int i = 0;
        for (var entry : map.entrySet()) {
            parts[i] = share(entry.getKey());
            parts[i + 1] = share(entry.getValue());
            unchanged &= parts[i] == entry.getKey() && parts[i + 1] == entry.getValue();
            i += 2;
        }
        boolean reusable = unchanged;
        return maps.computeIfAbsent(new Shape(parts), shape -> {
            if (reusable) {
                @SuppressWarnings("unchecked")
                var same = (Map<String, Object>) map;
                return same;
            }
            var copy = new LinkedHashMap<String, Object>();
            for (int k = 0; k < parts.length; k += 2) {
                copy.put((String) parts[k], parts[k + 1]);
            }
            return Collections.unmodifiableMap(copy);
        });
    }

    private List<Object> shareList(List<?> list) {
        var parts = new Object[list.size()];
        boolean unchanged = true;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = share(list.get(i));
            unchanged &= parts[i] == list.get(i);
        }
        boolean reusable = unchanged;
        return lists.computeIfAbsent(new Shape(parts), shape -> {
            if (reusable) {
                @SuppressWarnings("unchecked")
                var same = (List<Object>) list;
                return same;
            }
            return Collections.unmodifiableList(new ArrayList<>(Arrays.asList(parts)));
        });
    }

    /**
     * A value's parts in order, each already canonical: two shapes are equal when their parts are the same
     * instances, which is value equality without walking the subtrees again.
     */
    private record Shape(Object[] parts) {
        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Shape shape) || shape.parts.length != parts.length) {
                return false;
            }
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] != shape.parts[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = 1;
            for (var part : parts) {
                hash = 31 * hash + System.identityHashCode(part);
            }
            return hash;
        }

        @Override
        public String toString() {
            return Arrays.toString(parts);
        }
    }
}
