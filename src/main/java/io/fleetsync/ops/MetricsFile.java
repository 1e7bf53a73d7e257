package io.fleetsync.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a run's metrics as a Prometheus text file (for node_exporter's textfile collector, or a sidecar that
 * serves it), atomically: a reader never sees half a file. Last-success timestamps that this run does not renew (a
 * failed cluster, a failed run) are carried over from the previous file, so they keep their last good value.
 */
public final class MetricsFile {
    private static final Pattern SAMPLE = Pattern.compile("^(" + RunMetrics.LAST_SUCCESS + "|"
            + RunMetrics.CLUSTER_LAST_SUCCESS + ")(\\{.*})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private MetricsFile() {
    }

    public static void write(Path file, RunMetrics metrics) throws IOException {
        var families = withCarriedOver(metrics.all(), previous(file));
        var parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        var tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, PrometheusText.of(families), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Last-success samples of the previous file, by metric name. */
    static Map<String, List<Sample>> previous(Path file) throws IOException {
        var found = new HashMap<String, List<Sample>>();
        if (!Files.isRegularFile(file)) {
            return found;
        }
        for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            var m = SAMPLE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            var labels = new HashMap<String, String>();
            if (m.group(2) != null) {
                var l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2).replace("\\n", "\n").replace("\\\"", "\"")
                            .replace("\\\\", "\\"));
                }
            }
            try {
                found.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                        .add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
            } catch (NumberFormatException e) {
                // A line someone edited by hand: not ours to keep.
            }
        }
        return found;
    }

    private static List<MetricFamily> withCarriedOver(List<MetricFamily> current, Map<String, List<Sample>> old) {
        var result = new ArrayList<MetricFamily>();
        var names = new LinkedHashSet<String>();
        for (var family : current) {
            names.add(family.name());
            result.add(merge(family, old.getOrDefault(family.name(), List.of())));
        }
        for (var entry : old.entrySet()) {
            if (!names.contains(entry.getKey())) {
                var help = entry.getKey().equals(RunMetrics.LAST_SUCCESS)
                        ? "When the last fully successful run finished (Unix time)."
                        : "When the cluster last ended ok (Unix time).";
                result.add(new MetricFamily(entry.getKey(), help, entry.getValue()));
            }
        }
        return result;
    }

    private static MetricFamily merge(MetricFamily family, List<Sample> old) {
        var samples = new ArrayList<>(family.samples());
        var present = new LinkedHashSet<Map<String, String>>();
        family.samples().forEach(s -> present.add(s.labels()));
        old.stream().filter(s -> !present.contains(s.labels())).forEach(samples::add);
        return new MetricFamily(family.name(), family.help(), samples);
    }
}
