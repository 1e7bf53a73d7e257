package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** {@code apply --wait} on one cluster: how the wait ended and each waited object's final health. */
@RegisterForReflection
@JsonPropertyOrder({"end", "waitedMs", "objects"})
public record HealthDocument(String end, long waitedMs, List<ObjectHealthDocument> objects) {

    /** One waited object. */
    @RegisterForReflection
    @JsonPropertyOrder({"group", "kind", "namespace", "name", "subject", "target", "status", "reason", "message",
            "timedOut"})
    public record ObjectHealthDocument(String group, String kind, String namespace, String name, String subject,
                                       String target, String status, String reason, String message,
                                       boolean timedOut) {
    }
}
