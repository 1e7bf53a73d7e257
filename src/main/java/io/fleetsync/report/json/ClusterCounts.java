package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** How many clusters ended in each status. */
@RegisterForReflection
@JsonPropertyOrder({"total", "ok", "partial", "failed", "heldBack"})
public record ClusterCounts(int total, int ok, int partial, int failed, int heldBack) {
}
