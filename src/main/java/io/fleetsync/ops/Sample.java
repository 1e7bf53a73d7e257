package io.fleetsync.ops;

import java.util.Map;
import java.util.TreeMap;

/** One Prometheus sample: a metric name, its labels (sorted, for stable output) and a value. */
public record Sample(String name, Map<String, String> labels, double value) {
    public Sample {
        labels = new TreeMap<>(labels);
    }

    /** The labels as Prometheus writes them, e.g. {@code {action="create",cluster="prod-eu"}}; empty without any. */
    String labelText() {
        if (labels.isEmpty()) {
            return "";
        }
        var sb = new StringBuilder("{");
        labels.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append(k).append("=\"").append(escape(v))
                .append('"'));
        return sb.append('}').toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
