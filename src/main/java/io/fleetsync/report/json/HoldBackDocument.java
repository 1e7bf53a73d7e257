package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Why apply does not (or did not) carry a change out: a stable {@code reason} code, the objects counted (0 when
 * not a count), one example, and the same sentence the text output prints.
 */
@RegisterForReflection
@JsonPropertyOrder({"reason", "count", "example", "message"})
public record HoldBackDocument(String reason, long count, String example, String message) {
}
