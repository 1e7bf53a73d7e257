package io.fleetsync.report;

import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.plan.ClusterPhase;
import io.fleetsync.plan.ClusterPlan;
import java.time.Duration;
import java.util.List;

/**
 * The end state of one cluster's pipeline.
 *
 * @param plan the plan, or null when the cluster failed before it could be planned
 * @param outcomes per-change outcomes of an apply; empty for a plan
 * @param error one human-readable line when the cluster failed or stopped part-way, else null
 * @param phase where the cluster failed, or for a partial one where its first failure happened; null when ok
 * @param health the end of {@code apply --wait} on this cluster: each waited object's final health; null when the
 *     cluster was not waited for
 */
public record ClusterReport(String cluster, Status status, ClusterPlan plan, List<ObjectOutcome> outcomes,
                            String error, ClusterPhase phase, Duration duration,
                            io.fleetsync.health.HealthWaitResult health) {

    public enum Status {
        OK,
        /** Planned or applied only in part: some objects failed, or the run was interrupted. */
        PARTIAL,
        FAILED,
        /** Not touched: an earlier wave of the rollout halted ({@link RunReport#rollout()} says which and why). */
        HELD_BACK
    }

    public ClusterReport {
        outcomes = List.copyOf(outcomes);
    }

    public ClusterReport(String cluster, Status status, ClusterPlan plan, List<ObjectOutcome> outcomes,
                         String error, ClusterPhase phase, Duration duration) {
        this(cluster, status, plan, outcomes, error, phase, duration, null);
    }

    /** A cluster that never started (the run was stopped first, or its wait was interrupted). */
    public static ClusterReport notStarted(String cluster, String error) {
        return new ClusterReport(cluster, Status.FAILED, null, List.of(), error, null, Duration.ZERO);
    }

    /** A cluster that failed before its plan was made. */
    public static ClusterReport failedBeforePlan(String cluster, String error, ClusterPhase phase, Duration duration) {
        return new ClusterReport(cluster, Status.FAILED, null, List.of(), error, phase, duration);
    }

    /** A cluster that failed after it was planned: its plan and, for an apply, the outcome of every change. */
    public static ClusterReport failedAfterPlan(String cluster, ClusterPlan plan, List<ObjectOutcome> outcomes,
                                                String error, ClusterPhase phase, Duration duration) {
        return new ClusterReport(cluster, Status.FAILED, plan, outcomes, error, phase, duration);
    }
}
