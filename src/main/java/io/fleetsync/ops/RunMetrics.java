package io.fleetsync.ops;

import io.fleetsync.diff.Action;
import io.fleetsync.report.ClusterReport;
import io.fleetsync.report.ClusterTally;
import io.fleetsync.report.RunReport;
import io.fleetsync.report.RunTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics of one run, for alerting on a CronJob: the run as a whole (labels {@code command}, and {@code shard}
 * when sharded) and each cluster (labels {@code command}, {@code cluster}). Last-success timestamps are present only
 * for what succeeded, so a failed run leaves the previous value in place (see {@link Pushgateway} and
 * {@link MetricsFile}) and {@code time() - fleetsync_last_success_timestamp_seconds} grows until the next success.
 *
 * @param runLabels the labels of every run sample, which are also the run's Pushgateway grouping key
 * @param run the run's families
 * @param clusters each cluster's families, by cluster name in fleet-file order
 */
public record RunMetrics(Map<String, String> runLabels, List<MetricFamily> run,
                         Map<String, List<MetricFamily>> clusters) {

    static final String LAST_SUCCESS = "fleetsync_last_success_timestamp_seconds";
    static final String CLUSTER_LAST_SUCCESS = "fleetsync_cluster_last_success_timestamp_seconds";
    private static final List<Action> ACTIONS = List.of(Action.values());

    public static RunMetrics of(RunReport report, Optional<Shard> shard, Instant finishedAt) {
        var command = command(report);
        var runLabels = new LinkedHashMap<String, String>();
        runLabels.put("command", command);
        shard.ifPresent(s -> runLabels.put("shard", Integer.toString(s.index())));
        var tally = RunTally.of(report);
        double now = finishedAt.toEpochMilli() / 1000.0;
        boolean success = !report.anyFailed();
        var run = new ArrayList<MetricFamily>();
        run.add(family("fleetsync_run_duration_seconds", "Wall time of the last run.",
                sample("fleetsync_run_duration_seconds", runLabels, report.duration().toMillis() / 1000.0)));
        run.add(family("fleetsync_run_clusters", "Clusters of the last run by status (ok, partial, failed).",
                sample("fleetsync_run_clusters", with(runLabels, "status", "ok"), tally.ok()),
                sample("fleetsync_run_clusters", with(runLabels, "status", "partial"), tally.partial()),
                sample("fleetsync_run_clusters", with(runLabels, "status", "failed"), tally.failed())));
        run.add(objects("fleetsync_run_objects", "Objects of the last run by action, across clusters.", runLabels,
                tally.objects()));
        run.add(family("fleetsync_run_errors", "Errors of the last run: failed objects, plus 1 per cluster that "
                + "failed without any object failing.", sample("fleetsync_run_errors", runLabels,
                tally.objects().errors())));
        if (report.kind() == io.fleetsync.report.RunReport.Kind.RESULT) {
            run.add(outcomes(report, runLabels));
        }
        run.add(family("fleetsync_run_success", "1 when every cluster of the last run ended ok, else 0.",
                sample("fleetsync_run_success", runLabels, success ? 1 : 0)));
        run.add(family("fleetsync_run_timestamp_seconds", "When the last run finished (Unix time).",
                sample("fleetsync_run_timestamp_seconds", runLabels, now)));
        if (success) {
            run.add(family(LAST_SUCCESS, "When the last fully successful run finished (Unix time).",
                    sample(LAST_SUCCESS, runLabels, now)));
        }
        var clusters = new LinkedHashMap<String, List<MetricFamily>>();
        for (var c : report.clusters()) {
            clusters.put(c.cluster(), cluster(c, command, now, report.kind()));
        }
        return new RunMetrics(runLabels, run, clusters);
    }

    /** Every family once, cluster samples merged under one name, as a scrape or a textfile expects. */
    public List<MetricFamily> all() {
        var merged = new LinkedHashMap<String, MetricFamily>();
        run.forEach(f -> merged.put(f.name(), f));
        for (var families : clusters.values()) {
            for (var f : families) {
                merged.merge(f.name(), f, (a, b) -> {
                    var samples = new ArrayList<>(a.samples());
                    samples.addAll(b.samples());
                    return new MetricFamily(a.name(), a.help(), samples);
                });
            }
        }
        return List.copyOf(merged.values());
    }

    private static List<MetricFamily> cluster(ClusterReport report, String command, double now,
                                              RunReport.Kind kind) {
        var labels = Map.of("command", command, "cluster", report.cluster());
        var tally = ClusterTally.of(report);
        boolean ok = report.status() == ClusterReport.Status.OK;
        var families = new ArrayList<MetricFamily>();
        families.add(family("fleetsync_cluster_duration_seconds", "Wall time of the cluster's pipeline in the last "
                + "run.", sample("fleetsync_cluster_duration_seconds", labels, report.duration().toMillis() / 1000.0)));
        families.add(objects("fleetsync_cluster_objects", "The cluster's objects in the last run by action.", labels,
                tally));
        families.add(family("fleetsync_cluster_errors", "The cluster's errors in the last run.",
                sample("fleetsync_cluster_errors", labels, tally.errors())));
        families.add(family("fleetsync_cluster_success", "1 when the cluster ended ok in the last run, else 0.",
                sample("fleetsync_cluster_success", labels, ok ? 1 : 0)));
        if (report.health() != null) {
            families.addAll(health(report.health(), labels));
        }
        if (kind == RunReport.Kind.STATUS && report.plan() != null) {
            // Drift as one number per cluster: what the next apply would change (held-back deletes excluded).
            long drift = report.plan().changes().stream()
                    .filter(c -> c.action().isChange() && !c.isHeldBackDelete()).count();
            families.add(family("fleetsync_cluster_drift_changes", "Changes a plan would make on the cluster "
                    + "(fleetsync status): 0 when it matches the fleet.", sample("fleetsync_cluster_drift_changes",
                    labels, drift)));
        }
        if (ok) {
            families.add(family(CLUSTER_LAST_SUCCESS, "When the cluster last ended ok (Unix time).",
                    sample(CLUSTER_LAST_SUCCESS, labels, now)));
        }
        return families;
    }

    /**
     * {@code apply --wait}: the waited objects by final health status (every status, zeros too, so an alert can
     * compare), those that timed out, and how long the wait took.
     */
    private static List<MetricFamily> health(io.fleetsync.health.HealthWaitResult health, Map<String, String> labels) {
        var samples = new ArrayList<Sample>();
        for (var status : io.fleetsync.health.HealthStatus.values()) {
            long n = health.objects().stream().filter(o -> o.health().status() == status).count();
            samples.add(sample("fleetsync_cluster_health_objects", with(labels, "health",
                    status.name().toLowerCase(Locale.ROOT)), n));
        }
        long timedOut = health.objects().stream().filter(io.fleetsync.health.ObjectHealth::timedOut).count();
        return List.of(new MetricFamily("fleetsync_cluster_health_objects", "Objects apply --wait waited for (or, for "
                        + "status, every owned object) on the cluster in the last run, by health (current, in_progress, failed, terminating, "
                        + "not_found, unknown).", samples),
                family("fleetsync_cluster_health_timed_out_objects", "Waited objects of the cluster that were not "
                        + "Current or Failed when their wait timeout passed.",
                        sample("fleetsync_cluster_health_timed_out_objects", labels, timedOut)),
                family("fleetsync_cluster_health_wait_seconds", "How long apply --wait waited on the cluster.",
                        sample("fleetsync_cluster_health_wait_seconds", labels, health.waited().toMillis() / 1000.0)));
    }

    /** Apply outcomes across clusters; done + failed + skipped is every planned change, even of a failed cluster. */
    private static MetricFamily outcomes(io.fleetsync.report.RunReport report, Map<String, String> labels) {
        var counts = new long[io.fleetsync.result.ObjectOutcome.Status.values().length];
        report.clusters().forEach(c -> c.outcomes().forEach(o -> counts[o.status().ordinal()]++));
        var samples = new ArrayList<Sample>();
        for (var status : io.fleetsync.result.ObjectOutcome.Status.values()) {
            samples.add(sample("fleetsync_run_outcomes", with(labels, "outcome", status.name().toLowerCase(Locale.ROOT)),
                    counts[status.ordinal()]));
        }
        return new MetricFamily("fleetsync_run_outcomes", "Apply outcomes of the last run (done, failed, skipped), "
                + "across clusters.", samples);
    }

    private static MetricFamily objects(String name, String help, Map<String, String> labels, ClusterTally tally) {
        var samples = new ArrayList<Sample>();
        for (var action : ACTIONS) {
            samples.add(sample(name, with(labels, "action", action.name().toLowerCase(Locale.ROOT)),
                    tally.count(action)));
        }
        return new MetricFamily(name, help, samples);
    }

    private static String command(RunReport report) {
        if (report.kind() == RunReport.Kind.PLAN) {
            return "plan";
        }
        if (report.kind() == RunReport.Kind.STATUS) {
            return "status";
        }
        return report.dryRun() ? "apply-dry-run" : "apply";
    }

    private static MetricFamily family(String name, String help, Sample... samples) {
        return new MetricFamily(name, help, List.of(samples));
    }

    private static Sample sample(String name, Map<String, String> labels, double value) {
        return new Sample(name, labels, value);
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        var copy = new HashMap<>(labels);
        copy.put(key, value);
        return copy;
    }
}
