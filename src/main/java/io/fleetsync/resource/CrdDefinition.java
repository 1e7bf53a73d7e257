package io.fleetsync.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a CustomResourceDefinition (a manifest or as the server returns it) says about the kind it defines, read in
 * one place. Tolerant: a missing field reads as null (or {@link Scope#UNSET}); callers decide what that means.
 */
public record CrdDefinition(String group, String kind, String plural, Scope scope, List<Version> versions) {

    /** {@code spec.scope}. */
    public enum Scope {
        NAMESPACED,
        CLUSTER,
        /** Absent or not one of the two. */
        UNSET
    }

    /** One entry of {@code spec.versions}; {@code served} null when the entry does not say. */
    public record Version(String name, Boolean served) {
    }

    public CrdDefinition {
        versions = List.copyOf(versions);
    }

    public static CrdDefinition of(Map<String, Object> crd) {
        var spec = ObjectView.of(crd).spec();
        var names = ObjectView.map(spec, "names");
        var versions = new ArrayList<Version>();
        if (spec.get("versions") instanceof List<?> list) {
            for (var v : list) {
                if (v instanceof Map<?, ?> m) {
                    versions.add(new Version(m.get("name") instanceof String s ? s : null,
                            m.get("served") instanceof Boolean b ? b : null));
                }
            }
        }
        var scope = switch (String.valueOf(spec.get("scope"))) {
            case "Namespaced" -> Scope.NAMESPACED;
            case "Cluster" -> Scope.CLUSTER;
            default -> Scope.UNSET;
        };
        return new CrdDefinition(text(spec.get("group")), text(names.get("kind")), text(names.get("plural")), scope,
                versions);
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
