package io.fleetsync.fleet;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Kubernetes naming rules for what the fleet file names: clusters, targets, namespaces and labels. */
final class NameRules {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private NameRules() {
    }

    /** Returns why the name is not a DNS-1123 label, or null when it is one. */
    static String dnsLabelProblem(String name) {
        if (name.length() > 63 || !DNS_LABEL.matcher(name).matches()) {
            return "'" + name + "' must be a DNS-1123 label: at most 63 lower-case letters, digits or '-',"
                    + " starting and ending with a letter or digit";
        }
        return null;
    }

    /** Label keys and values follow Kubernetes' rules, which also keeps them safe to paste into manifests. */
    static String labelProblem(String key, String value) {
        int slash = key.indexOf('/');
        var name = slash < 0 ? key : key.substring(slash + 1);
        var prefix = slash < 0 ? null : key.substring(0, slash);
        if (name.isEmpty() || name.length() > 63 || !LABEL_NAME.matcher(name).matches()
                || prefix != null && (prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches())) {
            return "label key '" + key + "' is not a valid Kubernetes label key";
        }
        if (value == null) {
            return "label '" + key + "' has no value";
        }
        if (value.length() > 63 || !value.isEmpty() && !LABEL_NAME.matcher(value).matches()) {
            return "label '" + key + "' has an invalid value: at most 63 letters, digits, '-', '_' or '.',"
                    + " starting and ending with a letter or digit";
        }
        return null;
    }

    /** The labels with problems recorded for invalid ones; never null. */
    static Map<String, String> labels(Map<String, String> labels, String at, FleetProblems problems) {
        if (labels == null) {
            return Map.of();
        }
        for (var label : labels.entrySet()) {
            var problem = labelProblem(label.getKey(), label.getValue());
            if (problem != null) {
                problems.add(at + "." + label.getKey(), problem);
            }
        }
        var clean = new HashMap<>(labels);
        clean.values().removeIf(Objects::isNull);
        return clean;
    }
}
