package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What apply did with one object: {@code done}, {@code failed} or {@code skipped}, with the error or reason. */
@RegisterForReflection
@JsonPropertyOrder({"status", "error"})
public record OutcomeDocument(String status, String error) {
}
