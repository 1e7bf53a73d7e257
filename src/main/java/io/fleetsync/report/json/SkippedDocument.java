package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A rendered object apply leaves out, e.g. a Helm hook. */
@RegisterForReflection
@JsonPropertyOrder({"group", "kind", "namespace", "name", "subject", "target", "hook", "reason", "message"})
public record SkippedDocument(String group, String kind, String namespace, String name, String subject,
                              String target, String hook, String reason, String message) {
}
