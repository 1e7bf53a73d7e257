package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One planned object (unchanged ones included) and, in a Result, what happened to it; {@code heldBack} says why
 * apply does not carry it out (null when nothing stops it); {@code noteCode} is the stable code of {@code note}.
 */
@RegisterForReflection
@JsonPropertyOrder({"group", "kind", "namespace", "name", "subject", "target", "action", "changedPaths", "conflicts",
        "note", "noteCode", "reason", "diff", "outcome", "heldBack"})
public record ChangeDocument(String group, String kind, String namespace, String name, String subject, String target,
                             String action, List<String> changedPaths, List<String> conflicts, String note,
                             String noteCode, String reason, String diff, OutcomeDocument outcome, HoldBackDocument heldBack) {
}
