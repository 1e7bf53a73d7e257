package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Objects per action across all clusters, and clusters per status. */
@RegisterForReflection
@JsonPropertyOrder({"create", "update", "replace", "delete", "adoptNeeded", "unchanged", "errors", "clusters"})
public record RunSummary(long create, long update, long replace, long delete, long adoptNeeded, long unchanged,
                         long errors, ClusterCounts clusters) {
}
