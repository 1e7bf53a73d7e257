package io.fleetsync.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code resources} entries of one target, as written, into {@link Source}s: a string names files; a
 * mapping with exactly one of {@code exec} (optionally with {@code clusterEnv}), {@code kustomize} or {@code helm}
 * names a renderer. Every problem is reported at
 * the entry's field path.
 */
final class ResourceEntries {
    private static final List<String> KINDS = List.of("exec", "kustomize", "helm");
    private static final List<String> HELM_FIELDS = List.of("chart", "version", "releaseName", "namespace",
            "values", "set");
    private static final String CLUSTER_ENV = "clusterEnv";

    private final FleetProblems problems;

    ResourceEntries(FleetProblems problems) {
        this.problems = problems;
    }

    List<Source> read(List<Object> entries, String at) {
        if (entries == null) {
            problems.addUnlessReported(at, "missing required field 'resources'");
            return List.of();
        }
        if (entries.isEmpty()) {
            problems.add(at, "resources is empty: list files, directories, globs or renderers (exec, kustomize, helm)");
            return List.of();
        }
        var sources = new ArrayList<Source>();
        for (int j = 0; j < entries.size(); j++) {
            var source = entry(entries.get(j), at + "[" + j + "]");
            if (source != null) {
                sources.add(source);
            }
        }
        return sources;
    }

    private Source entry(Object entry, String at) {
        if (entry == null || entry instanceof String s && s.isBlank()) {
            problems.add(at, "empty resource path");
            return null;
        }
        if (entry instanceof String path) {
            return new Source.Files(path);
        }
        if (!(entry instanceof Map<?, ?> map)) {
            problems.add(at, "expected a path or a mapping with one of " + String.join(", ", KINDS) + " but found "
                    + (entry instanceof List<?> ? "a list" : "a " + entry.getClass().getSimpleName().toLowerCase()));
            return null;
        }
        var unknown = map.keySet().stream().map(String::valueOf)
                .filter(k -> !KINDS.contains(k) && !k.equals(CLUSTER_ENV)).sorted().toList();
        if (!unknown.isEmpty()) {
            problems.add(at + "." + unknown.getFirst(), "unknown field '" + unknown.getFirst() + "' (known: "
                    + String.join(", ", KINDS) + ", " + CLUSTER_ENV + " with exec)");
            return null;
        }
        Object clusterEnv = map.get(CLUSTER_ENV);
        if (map.containsKey(CLUSTER_ENV)) {
            if (!map.containsKey("exec")) {
                problems.add(at + "." + CLUSTER_ENV, CLUSTER_ENV + " applies to exec generators only");
                return null;
            }
            if (!(clusterEnv instanceof Boolean)) {
                problems.add(at + "." + CLUSTER_ENV, "expected true or false");
                return null;
            }
            map = new java.util.LinkedHashMap<>(map);
            map.remove(CLUSTER_ENV);
        }
        if (map.size() != 1) {
            problems.add(at, map.isEmpty() ? "a renderer entry needs one of " + String.join(", ", KINDS)
                    : "a renderer entry names exactly one of " + String.join(", ", KINDS) + ", not "
                            + String.join(" and ", map.keySet().stream().map(String::valueOf).sorted().toList()));
            return null;
        }
        var kind = String.valueOf(map.keySet().iterator().next());
        var value = map.values().iterator().next();
        return switch (kind) {
            case "kustomize" -> kustomize(value, at + ".kustomize");
            case "exec" -> exec(value, at + ".exec", Boolean.TRUE.equals(clusterEnv));
            case "helm" -> helm(value, at + ".helm");
            default -> throw new IllegalStateException(kind);
        };
    }

    private Source kustomize(Object value, String at) {
        if (value instanceof String path && !path.isBlank()) {
            return new Source.Kustomize(path);
        }
        problems.add(at, "expected the path of a Kustomize directory (a non-empty string)");
        return null;
    }

    private Source exec(Object value, String at, boolean clusterEnv) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(at, "expected a non-empty list: [command, args...]");
            return null;
        }
        var command = new ArrayList<String>();
        for (int i = 0; i < list.size(); i++) {
            var element = list.get(i);
            // Numbers and booleans are arguments too (YAML reads `--replicas, 3` as a number); maps are mistakes.
            if (element instanceof String || element instanceof Number || element instanceof Boolean) {
                command.add(String.valueOf(element));
            } else {
                problems.add(at + "[" + i + "]", "expected a string argument but found "
                        + (element == null ? "nothing" : element instanceof List<?> ? "a list" : "a mapping"));
                return null;
            }
        }
        if (command.getFirst().isBlank()) {
            problems.add(at + "[0]", "the command is empty");
            return null;
        }
        return new Source.Exec(command, clusterEnv);
    }

    private Source helm(Object value, String at) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(at, "expected a mapping: {chart, version, releaseName, namespace, values, set}");
            return null;
        }
        int before = problems.size();
        for (var key : map.keySet()) {
            if (!HELM_FIELDS.contains(String.valueOf(key))) {
                problems.add(at + "." + key, "unknown field '" + key + "' (known: " + String.join(", ",
                        HELM_FIELDS.stream().sorted().toList()) + ")");
            }
        }
        var chart = string(map.get("chart"), at + ".chart", true);
        var version = string(map.get("version"), at + ".version", false);
        var releaseName = string(map.get("releaseName"), at + ".releaseName", false);
        var namespace = string(map.get("namespace"), at + ".namespace", false);
        var values = new ArrayList<String>();
        if (map.get("values") instanceof List<?> files) {
            for (int i = 0; i < files.size(); i++) {
                var file = string(files.get(i), at + ".values[" + i + "]", true);
                if (file != null) {
                    values.add(file);
                }
            }
        } else if (map.containsKey("values")) {
            problems.add(at + ".values", "expected a list of values files");
        }
        var set = new java.util.LinkedHashMap<String, String>();
        if (map.get("set") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> {
                if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                    set.put(String.valueOf(k), String.valueOf(v));
                } else {
                    problems.add(at + ".set." + k, "expected a string, number or boolean (write nested keys as"
                            + " a.b.c)");
                }
            });
        } else if (map.containsKey("set")) {
            problems.add(at + ".set", "expected a mapping of value paths to values");
        }
        if (problems.size() > before) {
            return null;
        }
        return new Source.Helm(chart, version, releaseName, namespace, values, set);
    }

    private String string(Object value, String at, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(at, "missing required field '" + at.substring(at.lastIndexOf('.') + 1) + "'");
            }
            return null;
        }
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        if (value instanceof Number number) {
            // `version: 1.2` reads as a number in YAML; a chart version is text.
            return number.toString();
        }
        problems.add(at, "expected a non-empty string");
        return null;
    }
}
