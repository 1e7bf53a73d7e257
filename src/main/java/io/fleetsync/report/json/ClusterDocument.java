package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One cluster's part of the JSON report. */
@RegisterForReflection
@JsonPropertyOrder({"name", "status", "phase", "error", "durationMs", "warnings", "warningDetails", "orphans", "summary", "changes"})
public record ClusterDocument(String name, String status, String phase, String error, Long durationMs,
                              List<String> warnings, List<WarningDocument> warningDetails, List<OrphanDocument> orphans, ObjectCounts summary,
                              List<ChangeDocument> changes) {
}
