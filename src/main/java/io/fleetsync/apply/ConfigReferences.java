package io.fleetsync.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ConfigMaps and Secrets a pod template uses: volumes, projected volumes, envFrom and env valueFrom. */
final class ConfigReferences {
    /** A reference such as {@code ConfigMap/app-config}. */
    record Ref(String kind, String name) {
    }

    private ConfigReferences() {
    }

    @SuppressWarnings("unchecked")
    static Set<Ref> of(Map<String, Object> workload) {
        var refs = new HashSet<Ref>();
        var podSpec = map(map(map(workload, "spec"), "template"), "spec");
        for (var v : list(podSpec, "volumes")) {
            add(refs, "ConfigMap", map(v, "configMap").get("name"));
            add(refs, "Secret", map(v, "secret").get("secretName"));
            for (var source : list(map(v, "projected"), "sources")) {
                add(refs, "ConfigMap", map(source, "configMap").get("name"));
                add(refs, "Secret", map(source, "secret").get("name"));
            }
        }
        for (var containers : List.of("containers", "initContainers", "ephemeralContainers")) {
            for (var c : list(podSpec, containers)) {
                for (var from : list(c, "envFrom")) {
                    add(refs, "ConfigMap", map(from, "configMapRef").get("name"));
                    add(refs, "Secret", map(from, "secretRef").get("name"));
                }
                for (var env : list(c, "env")) {
                    var valueFrom = map(env, "valueFrom");
                    add(refs, "ConfigMap", map(valueFrom, "configMapKeyRef").get("name"));
                    add(refs, "Secret", map(valueFrom, "secretKeyRef").get("name"));
                }
            }
        }
        return refs;
    }

    private static void add(Set<Ref> refs, String kind, Object name) {
        if (name instanceof String s) {
            refs.add(new Ref(kind, s));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        return m.get(key) instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return m.get(key) instanceof List<?> l
                ? l.stream().filter(Map.class::isInstance).map(i -> (Map<String, Object>) i).toList()
                : List.of();
    }
}
