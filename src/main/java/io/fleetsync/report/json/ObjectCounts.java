package io.fleetsync.report.json;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Objects of one cluster per action, plus errors. */
@RegisterForReflection
@JsonPropertyOrder({"create", "update", "replace", "delete", "adoptNeeded", "unchanged", "errors"})
public record ObjectCounts(long create, long update, long replace, long delete, long adoptNeeded, long unchanged,
                           long errors) {
}
