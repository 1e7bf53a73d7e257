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
    /** PLAN: what apply would do; RESULT: what it did; STATUS: a plan plus the owned objects' health. */
    public enum Kind { PLAN, RESULT, STATUS }

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

    /** Whether a status read found an owned object that is not Current. */
    public boolean anyUnhealthy() {
        return clusters.stream().anyMatch(c -> c.health() != null && !c.health().allCurrent());
    }

    public boolean anyChanges() {
        return clusters.stream().anyMatch(c -> c.plan() != null && c.plan().hasChanges());
    }
}
