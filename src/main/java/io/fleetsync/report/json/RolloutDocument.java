package io.fleetsync.report.json;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The rollout section of the JSON report: the waves in order. */
@RegisterForReflection
public record RolloutDocument(List<WaveDocument> waves) {
}
