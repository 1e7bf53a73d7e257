package io.fleetsync.resource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A typed, read-only view of one object held as a plain JSON map (as the API server returns it or a manifest
 * parses): the fields fleetsync reads by name, in one place, so no caller casts map entries by hand. Missing or
 * mistyped fields read as absent; the view never changes the map.
 */
public record ObjectView(Map<String, Object> object) {

    public ObjectView {
        object = object == null ? Map.of() : object;
    }

    public static ObjectView of(Map<String, Object> object) {
        return new ObjectView(object);
    }

    public String apiVersion() {
        return string(object, "apiVersion");
    }

    public String kind() {
        return string(object, "kind");
    }

    public Map<String, Object> metadata() {
        return map(object, "metadata");
    }

    public String name() {
        return string(metadata(), "name");
    }

    /** The namespace, empty for a cluster-scoped object. */
    public String namespace() {
        var ns = string(metadata(), "namespace");
        return ns == null ? "" : ns;
    }

    public String uid() {
        return string(metadata(), "uid");
    }

    public String resourceVersion() {
        return string(metadata(), "resourceVersion");
    }

    public Optional<String> deletionTimestamp() {
        return Optional.ofNullable(string(metadata(), "deletionTimestamp"));
    }

    public Map<String, Object> labels() {
        return map(metadata(), "labels");
    }

    /** One label's value, or null. */
    public String label(String name) {
        return labels().get(name) instanceof String s ? s : null;
    }

    public Map<String, Object> annotations() {
        return map(metadata(), "annotations");
    }

    /** One annotation's value as text ({@code true} and {@code "true"} alike), or null. */
    public String annotation(String name) {
        var value = annotations().get(name);
        return value == null ? null : String.valueOf(value);
    }

    /** The managedFields entries, each a map; empty when there are none. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> managedFields() {
        return metadata().get("managedFields") instanceof List<?> l
                ? l.stream().filter(Map.class::isInstance).map(e -> (Map<String, Object>) e).toList()
                : List.of();
    }

    public Map<String, Object> spec() {
        return map(object, "spec");
    }

    /** The key of this object as the given (served) kind; namespace empty when cluster-scoped. */
    public ResourceKey keyAs(String group, String kind) {
        return new ResourceKey(group, kind, namespace(), name());
    }

    /** The map under {@code key}, or an empty map when it is absent or not a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> from, String key) {
        return from != null && from.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String string(Map<String, Object> from, String key) {
        return from.get(key) instanceof String s ? s : null;
    }
}
