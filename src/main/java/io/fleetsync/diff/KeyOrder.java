package io.fleetsync.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One key order for every object a diff renders, so that both sides of a diff list the same keys in the same order
 * and an unchanged key never shows up as a removed and an added line. The live object comes back from the server
 * in the server's order and the manifest in the author's; neither is meaningful, so both are re-ordered.
 *
 * <p>The order is the one people read Kubernetes objects in: {@code apiVersion, kind, metadata}, then
 * {@code spec, data, stringData}, then every other key alphabetically; inside metadata {@code name, namespace,
 * labels, annotations} first; inside list items {@code name} first. Every other map is alphabetical, as kubectl
 * prints it.
 */
final class KeyOrder {
    private static final List<String> TOP = List.of("apiVersion", "kind", "metadata", "spec", "data", "stringData");
    private static final List<String> METADATA = List.of("name", "generateName", "namespace", "labels",
            "annotations");
    private static final List<String> ITEM = List.of("name");

    private KeyOrder() {
    }

    /** A copy of {@code object} with every map's keys in canonical order; null stays null. */
    static Map<String, Object> canonical(Map<String, Object> object) {
        return object == null ? null : map(object, TOP);
    }

    private static Map<String, Object> map(Map<?, ?> in, List<String> first) {
        var keys = new ArrayList<String>();
        in.keySet().forEach(k -> keys.add(String.valueOf(k)));
        keys.sort(Comparator.comparingInt((String k) -> rank(first, k)).thenComparing(Comparator.naturalOrder()));
        var out = new LinkedHashMap<String, Object>();
        for (var k : keys) {
            var v = in.get(k);
            out.put(k, first == TOP && "metadata".equals(k) ? value(v, METADATA) : value(v, List.of()));
        }
        return out;
    }

    private static Object value(Object v, List<String> first) {
        if (v instanceof Map<?, ?> m) {
            return map(m, first);
        }
        if (v instanceof List<?> list) {
            var out = new ArrayList<Object>(list.size());
            list.forEach(i -> out.add(value(i, ITEM)));
            return out;
        }
        return v;
    }

    private static int rank(List<String> first, String key) {
        int i = first.indexOf(key);
        return i < 0 ? first.size() : i;
    }
}
