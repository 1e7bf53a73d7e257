package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One warning of a cluster's plan: its stable {@code code} and the words the text output prints. */
@RegisterForReflection
@JsonPropertyOrder({"code", "message"})
public record WarningDocument(String code, String message) {
}
