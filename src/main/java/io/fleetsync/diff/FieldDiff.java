package io.fleetsync.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Field paths at which two plain JSON values differ, e.g. {@code spec.template.spec.containers[name=app].image}.
 * List items that carry a {@code name} are matched by it, others by position.
 */
public final class FieldDiff {
    private final ServerDefaults defaults;
    private final List<String> out = new ArrayList<>();

    private FieldDiff(ServerDefaults defaults) {
        this.defaults = defaults;
    }

    /** Paths where {@code before} and {@code after} differ; empty when they are equal. */
    public static List<String> paths(Object before, Object after) {
        return paths(before, after, ServerDefaults.NONE);
    }

    /**
     * Paths where {@code desired} and {@code live} differ, not counting a field that {@code desired} leaves out and
     * {@code live} holds at the value the server fills in there ({@link ServerDefaults}): the applied manifest
     * compared with the fields fleetsync owns on the live object.
     */
    public static List<String> paths(Object desired, Object live, ServerDefaults defaults) {
        var diff = new FieldDiff(defaults);
        diff.walk("", "", "", "", desired, live);
        return List.copyOf(diff.out);
    }

    /**
     * @param shape the path with list selectors left empty ({@code containers[].image}), what defaults are keyed by
     */
    private void walk(String path, String shape, String parentKey, String key, Object a, Object b) {
        if (a == b || (a != null && a.equals(b))) {
            return; // equal subtrees hold no difference: the common case of a no-op plan, decided without paths
        }
        if (a instanceof Map<?, ?> m && b instanceof Map<?, ?> n) {
            var keys = new LinkedHashSet<Object>(m.keySet());
            keys.addAll(n.keySet());
            for (var k : keys) {
                var ks = String.valueOf(k);
                var childShape = child(shape, ks);
                if (!m.containsKey(k) && defaults.fills(childShape, n.get(k))) {
                    continue; // the manifest leaves it out and the server filled in its default
                }
                walk(child(path, ks), childShape, key, ks, m.get(k), n.get(k));
            }
        } else if (a instanceof List<?> l && b instanceof List<?> r) {
            var itemShape = shape + "[]";
            if (byName(l) && byName(r)) {
                var names = new LinkedHashSet<Object>();
                l.forEach(i -> names.add(((Map<?, ?>) i).get("name")));
                r.forEach(i -> names.add(((Map<?, ?>) i).get("name")));
                for (var name : names) {
                    walk(path + "[name=" + name + "]", itemShape, key, key, find(l, name), find(r, name));
                }
                if (!sameOrder(l, r)) {
                    out.add(path);
                }
            } else if (l.size() != r.size()) {
                out.add(path);
            } else {
                for (int i = 0; i < l.size(); i++) {
                    walk(path + "[" + i + "]", itemShape, key, key, l.get(i), r.get(i));
                }
            }
        } else if (!Values.equal(a, b) && !Quirks.sameQuantity(parentKey, key, a, b)) {
            out.add(path.isEmpty() ? "." : path);
        }
    }

    private static boolean sameOrder(List<?> l, List<?> r) {
        if (l.size() != r.size()) {
            return true; // size change is already reported item by item
        }
        for (int i = 0; i < l.size(); i++) {
            if (!Objects.equals(((Map<?, ?>) l.get(i)).get("name"), ((Map<?, ?>) r.get(i)).get("name"))) {
                return false;
            }
        }
        return true;
    }

    private static Object find(List<?> list, Object name) {
        for (var i : list) {
            if (Objects.equals(((Map<?, ?>) i).get("name"), name)) {
                return i;
            }
        }
        return null;
    }

    /** Whether items are matched by {@code name}: every item is a map with a unique string name. */
    static boolean byName(List<?> list) {
        if (list.isEmpty()) {
            return true;
        }
        var seen = new java.util.HashSet<Object>();
        for (var i : list) {
            if (!(i instanceof Map<?, ?> m) || !(m.get("name") instanceof String s) || !seen.add(s)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code key} matches {@code [A-Za-z0-9_-]+} (without compiling a regex per field). */
    private static boolean isPlain(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The path of map key {@code key} under {@code path}: {@code a.b}, or {@code a["b.c"]} for a key that is not plain. */
    static String child(String path, String key) {
        boolean plain = isPlain(key);
        var part = plain ? key : "[\"" + key + "\"]";
        if (path.isEmpty()) {
            return part;
        }
        return plain ? path + "." + part : path + part;
    }
}
