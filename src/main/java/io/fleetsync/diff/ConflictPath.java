package io.fleetsync.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites a field path as the API server names it in a conflict ({@code .spec.template.spec.containers[name="app"]
 * .image}, structured-merge-diff's syntax) into the syntax of {@link FieldDiff} ({@code spec.template.spec
 * .containers[name=app].image}), so a plan names one field one way whether it changed or conflicts.
 *
 * <p>The server's syntax does not quote map keys ({@code .metadata.labels.app.kubernetes.io/name}) and names list
 * items by their merge keys ({@code [containerPort=8080,protocol="TCP"]}) or set values ({@code [="x"]}). Both are
 * resolved against the object the path is about: the longest key of the map at that point, and the item the keys
 * select, named as FieldDiff names it (by {@code name} where the items have unique names, otherwise by index).
 * Parts that cannot be resolved keep the server's spelling, minus the quotes.
 */
public final class ConflictPath {
    private static final ObjectReader JSON = new ObjectMapper().reader();

    private ConflictPath() {
    }

    /** The FieldDiff path of {@code serverPath} within {@code object} (usually the applied manifest). */
    public static String of(String serverPath, Map<String, Object> object) {
        return resolve(serverPath, object).path();
    }

    /**
     * The value at {@code serverPath} in {@code object}, or empty when the object has nothing there (a present
     * null stays absent too: the server never reports a conflict on a null).
     */
    public static Optional<Object> valueAt(String serverPath, Map<String, Object> object) {
        var r = resolve(serverPath, object);
        return r.complete() ? Optional.ofNullable(r.node()) : Optional.empty();
    }

    /**
     * Whether {@code desired} and {@code live} hold the same value at {@code serverPath}, spellings the server
     * normalises counted as the same ({@code 1000m} and {@code 1} for a CPU limit): the field conflicts only because
     * another manager set it first, and taking it over changes nothing.
     */
    public static boolean sameValue(String serverPath, Map<String, Object> desired, Map<String, Object> live) {
        var d = resolve(serverPath, desired);
        var l = resolve(serverPath, live);
        if (!d.complete() || !l.complete()) {
            return false;
        }
        return Values.equal(d.node(), l.node()) || Quirks.sameQuantity(d.parentKey(), d.key(), d.node(), l.node());
    }

    /**
     * Where a path led: its FieldDiff spelling, the node there, whether every part was found, and the last two
     * field names (what {@link Quirks} decides by).
     */
    private record Resolved(String path, Object node, boolean complete, String parentKey, String key) {
    }

    private static Resolved resolve(String serverPath, Map<String, Object> object) {
        if (serverPath == null || serverPath.isEmpty()) {
            return new Resolved("", object, true, "", "");
        }
        if (serverPath.charAt(0) != '.' && serverPath.charAt(0) != '[') {
            // Validation errors (422) name fields without the leading dot: spec.template.spec.containers[0].image.
            serverPath = "." + serverPath;
        }
        var out = new StringBuilder();
        Object node = object;
        boolean complete = true;
        String parentKey = "";
        String key = "";
        int i = 0;
        int n = serverPath.length();
        while (i < n) {
            char c = serverPath.charAt(i);
            if (c == '.') {
                int end = fieldEnd(serverPath, i + 1, node);
                var name = serverPath.substring(i + 1, end);
                out.replace(0, out.length(), FieldDiff.child(out.toString(), name));
                node = node instanceof Map<?, ?> m ? m.get(name) : null;
                complete &= node != null;
                parentKey = key;
                key = name;
                i = end;
            } else if (c == '[') {
                int end = bracketEnd(serverPath, i + 1);
                var inside = serverPath.substring(i + 1, end);
                var list = node instanceof List<?> l ? l : null;
                int index = list == null ? -1 : find(list, inside);
                if (index >= 0) {
                    var item = list.get(index);
                    out.append(FieldDiff.byName(list) ? "[name=" + ((Map<?, ?>) item).get("name") + "]"
                            : "[" + index + "]");
                    node = item;
                } else {
                    out.append('[').append(inside.replace("\"", "")).append(']');
                    node = null;
                    complete = false;
                }
                i = Math.min(end + 1, n);
            } else {
                // Not the server's syntax after all: keep the rest as it is.
                out.append(serverPath.substring(i));
                return new Resolved(out.toString(), null, false, parentKey, key);
            }
        }
        return new Resolved(out.toString(), node, complete, parentKey, key);
    }

    /** End of a field name starting at {@code from}: the longest key of {@code node} that fits, else the next separator. */
    private static int fieldEnd(String path, int from, Object node) {
        int best = -1;
        if (node instanceof Map<?, ?> m) {
            for (var k : m.keySet()) {
                var key = String.valueOf(k);
                int end = from + key.length();
                if (path.startsWith(key, from) && (end == path.length() || path.charAt(end) == '.'
                        || path.charAt(end) == '[') && end > best) {
                    best = end;
                }
            }
        }
        if (best >= 0) {
            return best;
        }
        int end = from;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
            end++;
        }
        return end;
    }

    /** Index of the closing bracket, skipping brackets inside JSON strings. */
    private static int bracketEnd(String path, int from) {
        boolean quoted = false;
        for (int i = from; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return i;
            }
        }
        return path.length();
    }

    /** The list position a bracket selects: {@code 3}, {@code ="value"} or {@code key=json,key=json}; -1 if none. */
    private static int find(List<?> list, String inside) {
        try {
            if (!inside.isEmpty() && inside.chars().allMatch(Character::isDigit)) {
                int i = Integer.parseInt(inside);
                return i < list.size() ? i : -1;
            }
            if (inside.startsWith("=")) {
                var value = JSON.readValue(inside.substring(1), Object.class);
                for (int i = 0; i < list.size(); i++) {
                    if (Values.equal(value, list.get(i))) {
                        return i;
                    }
                }
                return -1;
            }
            var keys = keys(inside);
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> item && keys.entrySet().stream()
                        .allMatch(k -> Values.equal(k.getValue(), item.get(k.getKey())))) {
                    return i;
                }
            }
            return -1;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Map<String, Object> keys(String inside) throws java.io.IOException {
        var out = new LinkedHashMap<String, Object>();
        for (var part : splitOutsideQuotes(inside)) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a key: " + part);
            }
            out.put(part.substring(0, eq), JSON.readValue(part.substring(eq + 1), Object.class));
        }
        return out;
    }

    private static List<String> splitOutsideQuotes(String s) {
        var out = new ArrayList<String>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }
}
