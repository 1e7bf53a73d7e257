package io.fleetsync.health;

import io.fleetsync.resource.GroupKind;
import java.util.List;
import java.util.Map;

/**
 * A fleet-file rule of condition matchers: the first matcher whose condition type has the given status decides.
 * Nothing matched means the controller has not said yet: in progress.
 */
public record ConditionRule(GroupKind groupKind, List<Matcher> matchers) implements CustomHealthRule {

    /** {@code type} with {@code status} (True, False or Unknown) means {@code health}. */
    public record Matcher(String type, String status, HealthStatus health) {
    }

    public ConditionRule {
        matchers = List.copyOf(matchers);
    }

    @Override
    public Health evaluate(Map<String, Object> object) {
        var fields = new ObjectFields(object);
        long generation = fields.number("metadata.generation", 0);
        for (var m : matchers) {
            var condition = fields.condition(m.type());
            // A condition stamped with an older generation describes an earlier spec.
            if (condition.isPresent() && condition.get().status().equals(m.status())
                    && (condition.get().observedGeneration() < 0
                    || condition.get().observedGeneration() >= generation)) {
                return new Health(m.health(), HealthReason.RULE_MATCHED, "rule: " + condition.get().describe());
            }
        }
        return Health.inProgress(HealthReason.RULE_PENDING, "no health rule matched yet (conditions: "
                + matchers.stream().map(m -> m.type() + "=" + m.status()).distinct().toList() + ")");
    }
}
