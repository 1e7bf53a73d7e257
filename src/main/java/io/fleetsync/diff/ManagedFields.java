package io.fleetsync.diff;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a live object's {@code metadata.managedFields} and cuts the object down to the fields one manager owns.
 *
 * <p>The server records which fields each manager set as a {@code FieldsV1} trie: {@code f:name} for a field,
 * {@code k:{json}} for a list item by its keys, {@code v:json} for a set member, {@code i:n} for an index, and
 * {@code .} for the item itself. The fields fleetsync applied last time, read back from the live object, are what
 * the desired manifest must equal for the object to be unchanged — without asking the server for a dry run.
 */
public final class ManagedFields {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private final ObjectMapper json = new ObjectMapper();

    /**
     * The live object reduced to the fields {@code manager} owns through Apply, or empty when that manager has no
     * Apply entry for {@code apiVersion} (then only a dry run can tell).
     */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> ownedBy(Map<String, Object> live, String manager, String apiVersion) {
        var meta = (Map<String, Object>) live.get("metadata");
        if (meta == null || !(meta.get("managedFields") instanceof List<?> entries)) {
            return Optional.empty();
        }
        Map<String, Object> fields = null;
        for (var e : entries) {
            var entry = (Map<String, Object>) e;
            if (manager.equals(entry.get("manager")) && "Apply".equals(entry.get("operation"))
                    && apiVersion.equals(entry.get("apiVersion")) && entry.get("subresource") == null) {
                fields = (Map<String, Object>) entry.get("fieldsV1");
            }
        }
        if (fields == null) {
            return Optional.empty();
        }
        return Optional.of((Map<String, Object>) prune(live, fields));
    }

    /** Managers other than {@code manager} and the operation they used last, e.g. {@code kubectl-edit -> Update}. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> otherManagers(Map<String, Object> live, String manager) {
        var out = new LinkedHashMap<String, String>();
        var meta = (Map<String, Object>) live.get("metadata");
        if (meta != null && meta.get("managedFields") instanceof List<?> entries) {
            for (var e : entries) {
                var entry = (Map<String, Object>) e;
                var name = (String) entry.get("manager");
                if (name != null && !name.equals(manager) && entry.get("subresource") == null) {
                    out.merge(name, (String) entry.get("operation"),
                            (a, b) -> "Apply".equals(a) || "Apply".equals(b) ? "Apply" : a);
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Object prune(Object value, Map<String, Object> fields) {
        if (fields.isEmpty()) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            for (var e : fields.entrySet()) {
                if (e.getKey().startsWith("f:")) {
                    var name = e.getKey().substring(2);
                    if (map.containsKey(name)) {
                        out.put(name, prune(map.get(name), (Map<String, Object>) e.getValue()));
                    }
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            var out = new ArrayList<Object>();
            for (int i = 0; i < list.size(); i++) {
                var item = list.get(i);
                var child = itemFields(fields, item, i);
                if (child != null) {
                    out.add(child.isEmpty() ? item : prune(item, child));
                }
            }
            return out;
        }
        return value;
    }

    /** The field set that claims this list item, or null when the manager does not own it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> itemFields(Map<String, Object> fields, Object item, int index) {
        for (var e : fields.entrySet()) {
            var key = e.getKey();
            var child = (Map<String, Object>) e.getValue();
            if (key.startsWith("k:") && item instanceof Map<?, ?> m && matchesKeys(parse(key.substring(2)), m)) {
                return child;
            }
            if (key.startsWith("v:") && Values.equal(parseValue(key.substring(2)), item)) {
                return Map.of();
            }
            if (key.equals("i:" + index)) {
                return child;
            }
        }
        return null;
    }

    private static boolean matchesKeys(Map<String, Object> keys, Map<?, ?> item) {
        for (var k : keys.entrySet()) {
            if (!Values.equal(k.getValue(), item.get(k.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Object> parse(String s) {
        try {
            return json.readValue(s, MAP);
        } catch (Exception e) {
            return Map.of("\u0000unparseable", Objects.requireNonNull(s));
        }
    }

    private Object parseValue(String s) {
        try {
            return json.readValue(s, Object.class);
        } catch (Exception e) {
            return s;
        }
    }
}
