package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * The versioned JSON form of a run (docs/json-schema.md). Every field is always written; absent values are an
 * explicit {@code null}, so consumers never need to tell "missing" from "null".
 */
@RegisterForReflection
@JsonPropertyOrder({"apiVersion", "kind", "dryRun", "startedAt", "durationMs", "summary", "rollout", "clusters"})
public record ReportDocument(String apiVersion, String kind, boolean dryRun, String startedAt, Long durationMs,
                             RunSummary summary, RolloutDocument rollout, List<ClusterDocument> clusters) {

    public static final String API_VERSION = "fleetsync.io/v1alpha1";
}
