package io.fleetsync.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Strips what the server manages on every object, so two versions of an object compare by content. */
final class ObjectContent {
    private static final List<String> SERVER_METADATA = List.of("managedFields", "resourceVersion", "generation",
            "uid", "creationTimestamp", "selfLink");

    private ObjectContent() {
    }

    /** Content of a live or dry-run object: no status, no server-managed metadata. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> content(Map<String, Object> obj) {
        var out = new LinkedHashMap<>(obj);
        out.remove("status");
        if (out.get("metadata") instanceof Map<?, ?> meta) {
            var m = new LinkedHashMap<>((Map<String, Object>) meta);
            SERVER_METADATA.forEach(m::remove);
            out.put("metadata", m);
        }
        return out;
    }

    /**
     * The applied manifest as managedFields record it: identity fields (apiVersion, kind, name, namespace) are not
     * tracked as owned fields, so they are left out.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> ownedShape(Map<String, Object> applied) {
        var out = new LinkedHashMap<>(applied);
        out.remove("apiVersion");
        out.remove("kind");
        out.remove("status");
        if (out.get("metadata") instanceof Map<?, ?> meta) {
            var m = new LinkedHashMap<>((Map<String, Object>) meta);
            m.remove("name");
            m.remove("namespace");
            if (m.isEmpty()) {
                out.remove("metadata");
            } else {
                out.put("metadata", m);
            }
        }
        return out;
    }

    /**
     * The applied manifest with the live object's {@code metadata.resourceVersion}: server-side apply then acts only
     * on exactly that version of the object and answers 409 if it changed in between.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> pinnedTo(Map<String, Object> applied, Map<String, Object> live) {
        var version = live.get("metadata") instanceof Map<?, ?> m ? m.get("resourceVersion") : null;
        if (version == null) {
            return applied;
        }
        var out = new LinkedHashMap<>(applied);
        var meta = new LinkedHashMap<>((Map<String, Object>) applied.getOrDefault("metadata", Map.of()));
        meta.put("resourceVersion", version);
        out.put("metadata", meta);
        return out;
    }
}
