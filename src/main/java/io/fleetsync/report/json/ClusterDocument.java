package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One cluster's part of the JSON report. */
@RegisterForReflection
@JsonPropertyOrder({"name", "status", "phase", "error", "durationMs", "warnings", "warningDetails", "orphans", "skipped",
        "summary", "changes", "health"})
public record ClusterDocument(String name, String status, String phase, String error, Long durationMs,
                              List<String> warnings, List<WarningDocument> warningDetails,
                              List<OrphanDocument> orphans, List<SkippedDocument> skipped,
                              ObjectCounts summary,
                              List<ChangeDocument> changes,
                              // Only with apply --wait: plan documents stay as they were.
                              @com.fasterxml.jackson.annotation.JsonInclude(
                                      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                              HealthDocument health) {
}
