package io.fleetsync.manifest;

import io.fleetsync.fleet.Cluster;
import io.fleetsync.input.InputProblem;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders {@code ${cluster.name}} and {@code ${cluster.labels.<key>}} in manifest text for one cluster;
 * {@code $${} stands for a literal {@code ${}.
 *
 * <p>Rendering is textual, before YAML parsing, so placeholders work in keys and inside longer strings alike;
 * fleet label values are restricted to Kubernetes label syntax and never contain line breaks, which keeps the
 * line numbers of the rendered text equal to the source's.
 */
final class ClusterTemplate {
    private static final String LABELS = "cluster.labels.";

    private final Cluster cluster;

    ClusterTemplate(Cluster cluster) {
        this.cluster = cluster;
    }

    static boolean needsRendering(String text) {
        return text.contains("${");
    }

    /** The rendered text, or null when a placeholder could not be resolved (problems then say where). */
    String render(Path file, String text, List<InputProblem> problems) {
        var out = new StringBuilder(text.length());
        int line = 1;
        int lineStart = 0;
        boolean failed = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            }
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
                continue;
            }
            if (!text.startsWith("${", i)) {
                out.append(c);
                i++;
                continue;
            }
            int end = text.indexOf('}', i + 2);
            int newline = text.indexOf('\n', i + 2);
            int column = i - lineStart + 1;
            if (end < 0 || newline >= 0 && newline < end) {
                problems.add(new InputProblem(file, line, column, null, "unterminated ${ (write $${ for a literal ${)"));
                return null;
            }
            var expression = text.substring(i + 2, end).strip();
            var value = resolve(expression, file, line, column, problems);
            if (value == null) {
                failed = true;
            } else {
                out.append(value);
            }
            i = end + 1;
        }
        return failed ? null : out.toString();
    }

    private String resolve(String expression, Path file, int line, int column, List<InputProblem> problems) {
        if (expression.equals("cluster.name")) {
            return cluster.name();
        }
        if (expression.startsWith(LABELS) && expression.length() > LABELS.length()) {
            var key = expression.substring(LABELS.length());
            var value = cluster.labels().get(key);
            if (value == null) {
                problems.add(new InputProblem(file, line, column, null, "${" + expression + "}: cluster '"
                        + cluster.name() + "' has no label '" + key + "'"));
            }
            return value;
        }
        problems.add(new InputProblem(file, line, column, null, "unknown placeholder ${" + expression
                + "}: use ${cluster.name} or ${cluster.labels.<key>} (write $${ for a literal ${)"));
        return null;
    }
}
