package io.fleetsync.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A whole run: every selected cluster's report, in fleet-file order. */
public record RunReport(Kind kind, boolean dryRun, Instant startedAt, Duration duration, List<ClusterReport> clusters) {

    /** A plan only reads clusters; a result also wrote (or dry-ran) changes. */
    public enum Kind { PLAN, RESULT }

    public RunReport {
        clusters = List.copyOf(clusters);
    }

    public boolean anyFailed() {
        return clusters.stream().anyMatch(c -> c.status() != ClusterReport.Status.OK);
    }

    public boolean anyChanges() {
        return clusters.stream().anyMatch(c -> c.plan() != null && c.plan().hasChanges());
    }
}
