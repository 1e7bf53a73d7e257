package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What apply did with one object: {@code done}, {@code failed} or {@code skipped}, with the error in words and
 * {@code reason}, its stable code (null when done, or when the change's hold-back says why).
 */
@RegisterForReflection
@JsonPropertyOrder({"status", "error", "reason"})
public record OutcomeDocument(String status, String error, String reason) {
}
