package io.fleetsync.report;

import io.fleetsync.apply.ObjectOutcome;
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
 */
public record ClusterReport(String cluster, Status status, ClusterPlan plan, List<ObjectOutcome> outcomes,
                            String error, ClusterPhase phase, Duration duration) {

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
}
