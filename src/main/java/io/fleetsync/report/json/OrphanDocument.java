package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An ApplySet parent of this fleet whose target is no longer in the fleet file. */
@RegisterForReflection
@JsonPropertyOrder({"target", "parent", "handling"})
public record OrphanDocument(String target, String parent, String handling) {
}
