package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** One wave of the rollout in the JSON report. */
@RegisterForReflection
@JsonPropertyOrder({"name", "implicit", "clusters", "maxInFlight", "failureBudget", "allowedFailures", "soakMs",
        "deadlineMs", "state", "reason", "message", "haltedBy", "soakChecks", "startedAt", "finishedAt"})
public record WaveDocument(String name, boolean implicit, List<String> clusters, Integer maxInFlight,
                           String failureBudget, int allowedFailures, long soakMs, Long deadlineMs, String state,
                           String reason, String message, List<String> haltedBy, int soakChecks, String startedAt,
                           String finishedAt) {
}
