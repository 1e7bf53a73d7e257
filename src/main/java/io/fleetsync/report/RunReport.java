package io.fleetsync.report;

import io.fleetsync.rollout.RolloutOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A whole run: every selected cluster's report, in fleet-file order.
 *
 * @param rollout the waves of a fleet with a {@code rollout:} section, else null
 */
public record RunReport(Kind kind, boolean dryRun, Instant startedAt, Duration duration, List<ClusterReport> clusters,
                        RolloutOutcome rollout) {

    /** A plan only reads clusters; a result also wrote (or dry-ran) changes. */
    public enum Kind { PLAN, RESULT }

    public RunReport {
        clusters = List.copyOf(clusters);
    }

    public RunReport(Kind kind, boolean dryRun, Instant startedAt, Duration duration, List<ClusterReport> clusters) {
        this(kind, dryRun, startedAt, duration, clusters, null);
    }

    public RunReport withRollout(RolloutOutcome outcome) {
        return new RunReport(kind, dryRun, startedAt, duration, clusters, outcome);
    }

    public boolean anyFailed() {
        return clusters.stream().anyMatch(c -> c.status() != ClusterReport.Status.OK);
    }

    public boolean anyChanges() {
        return clusters.stream().anyMatch(c -> c.plan() != null && c.plan().hasChanges());
    }
}
