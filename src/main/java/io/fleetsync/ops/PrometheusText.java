package io.fleetsync.ops;

import java.util.List;
import java.util.Locale;

/**
 * Writes metric families in the Prometheus text exposition format 0.0.4 — the format the Pushgateway accepts and
 * node_exporter's textfile collector reads. Written by hand: the format is a few lines of text, and a client library
 * would bring a registry with global state that a one-shot CLI does not need.
 */
public final class PrometheusText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    public static String of(List<MetricFamily> families) {
        var sb = new StringBuilder();
        for (var family : families) {
            if (family.samples().isEmpty()) {
                continue;
            }
            sb.append("# HELP ").append(family.name()).append(' ').append(family.help().replace("\\", "\\\\")
                    .replace("\n", "\\n")).append('\n');
            sb.append("# TYPE ").append(family.name()).append(" gauge\n");
            for (var s : family.samples()) {
                sb.append(s.name()).append(s.labelText()).append(' ').append(number(s.value())).append('\n');
            }
        }
        return sb.toString();
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
