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

    /**
     * The live object's managedFields with every field that {@code manager}'s Apply entry owns removed from the
     * other entries of the object itself (subresource entries — an autoscaler's {@code scale} — are kept), entries
     * left with nothing dropped; empty when no other entry shares a field with it.
     *
     * <p>This is how an adopted object becomes fleetsync's alone: a field two managers set to the same value is
     * co-owned, and a co-owned field stays on the object when fleetsync later stops applying it. client-go's
     * {@code csaupgrade} rewrites managedFields the same way when kubectl moves from client-side to server-side
     * apply.
     */
    @SuppressWarnings("unchecked")
    public static Optional<List<Map<String, Object>>> releasedTo(Map<String, Object> live, String manager) {
        var meta = (Map<String, Object>) live.get("metadata");
        if (meta == null || !(meta.get("managedFields") instanceof List<?> entries)) {
            return Optional.empty();
        }
        Map<String, Object> mine = null;
        for (var e : entries) {
            var entry = (Map<String, Object>) e;
            if (manager.equals(entry.get("manager")) && "Apply".equals(entry.get("operation"))
                    && entry.get("subresource") == null && entry.get("fieldsV1") instanceof Map<?, ?> f) {
                mine = (Map<String, Object>) f;
            }
        }
        if (mine == null) {
            return Optional.empty();
        }
        var out = new ArrayList<Map<String, Object>>();
        boolean changed = false;
        for (var e : entries) {
            var entry = (Map<String, Object>) e;
            if (manager.equals(entry.get("manager")) || entry.get("subresource") != null
                    || !(entry.get("fieldsV1") instanceof Map<?, ?> f)) {
                out.add(entry);
                continue;
            }
            var rest = FieldSet.minusChildren((Map<String, Object>) f, mine);
            if (rest.equals(f)) {
                out.add(entry);
                continue;
            }
            changed = true;
            if (!rest.isEmpty()) {
                var copy = new LinkedHashMap<>(entry);
                copy.put("fieldsV1", rest);
                out.add(copy);
            }
        }
        return changed ? Optional.of(out) : Optional.empty();
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
