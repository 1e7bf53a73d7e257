package io.fleetsync.fleet;

import io.fleetsync.fleet.FleetDocument.HealthRuleEntry;
import io.fleetsync.health.CelRule;
import io.fleetsync.health.ConditionRule;
import io.fleetsync.health.CustomHealthRule;
import io.fleetsync.health.HealthRules;
import io.fleetsync.health.HealthStatus;
import io.fleetsync.resource.GroupKind;
import io.fleetsync.units.HumanDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the fleet file's {@code health:} section and builds its rules: condition matchers, or CEL expressions
 * compiled here, at load time, so a bad expression is a fleet-file problem (file, line, field) before any cluster
 * is contacted.
 */
final class HealthRulesReader {
    private static final Map<String, HealthStatus> HEALTH_WORDS = Map.of(
            "current", HealthStatus.CURRENT, "inprogress", HealthStatus.IN_PROGRESS, "failed", HealthStatus.FAILED);

    private final FleetProblems problems;

    HealthRulesReader(FleetProblems problems) {
        this.problems = problems;
    }

    HealthRules rules(List<HealthRuleEntry> entries) {
        if (entries == null) {
            return HealthRules.NONE;
        }
        var rules = new ArrayList<CustomHealthRule>();
        var seen = new HashMap<GroupKind, Integer>();
        for (int i = 0; i < entries.size(); i++) {
            var at = "health[" + i + "]";
            var entry = entries.get(i);
            if (entry == null) {
                problems.addUnlessReported(at, "empty health rule");
                continue;
            }
            int before = problems.size();
            if (entry.kind() == null || entry.kind().isBlank()) {
                problems.add(at + ".kind", "missing required field 'kind'");
            }
            if (entry.group() == null || entry.group().isBlank()) {
                problems.add(at + ".group", "missing required field 'group' (the API group of the custom resource)");
            }
            boolean hasConditions = entry.conditions() != null && !entry.conditions().isEmpty();
            boolean hasCel = entry.current() != null || entry.inProgress() != null || entry.failed() != null;
            if (hasConditions == hasCel) {
                problems.add(at, hasCel ? "give either 'conditions' or CEL expressions (current, inProgress, "
                        + "failed), not both" : "a health rule needs 'conditions' or CEL expressions (current, "
                        + "inProgress, failed)");
            }
            if (problems.size() != before) {
                continue;
            }
            var kind = new GroupKind(entry.group(), entry.kind());
            var first = seen.putIfAbsent(kind, i);
            if (first != null) {
                problems.add(at + ".kind", "a second health rule for " + kind.kind() + "." + kind.group()
                        + " (also health[" + first + "])");
                continue;
            }
            var rule = hasConditions ? conditions(kind, entry, at) : cel(kind, entry, at);
            if (rule != null && problems.size() == before) {
                rules.add(rule);
            }
        }
        return new HealthRules(rules);
    }

    private ConditionRule conditions(GroupKind kind, HealthRuleEntry entry, String at) {
        var matchers = new ArrayList<ConditionRule.Matcher>();
        for (int j = 0; j < entry.conditions().size(); j++) {
            var c = entry.conditions().get(j);
            var cat = at + ".conditions[" + j + "]";
            if (c == null) {
                problems.addUnlessReported(cat, "empty condition matcher");
                continue;
            }
            if (c.type() == null || c.type().isBlank()) {
                problems.add(cat + ".type", "missing required field 'type' (a condition type such as Ready)");
            }
            if (!List.of("True", "False", "Unknown").contains(c.status())) {
                problems.add(cat + ".status", c.status() == null ? "missing required field 'status' (True, False or "
                        + "Unknown)" : "status must be True, False or Unknown, was '" + c.status() + "'");
            }
            var health = c.health() == null ? null : HEALTH_WORDS.get(c.health().toLowerCase(Locale.ROOT));
            if (health == null) {
                problems.add(cat + ".health", c.health() == null ? "missing required field 'health' (Current, "
                        + "InProgress or Failed)" : "health must be Current, InProgress or Failed, was '"
                        + c.health() + "'");
            }
            if (c.type() != null && health != null) {
                matchers.add(new ConditionRule.Matcher(c.type(), c.status(), health));
            }
        }
        return new ConditionRule(kind, matchers);
    }

    private CelRule cel(GroupKind kind, HealthRuleEntry entry, String at) {
        var compiled = new CelRule.Builder(kind);
        compile(compiled, HealthStatus.CURRENT, entry.current(), at + ".current");
        compile(compiled, HealthStatus.IN_PROGRESS, entry.inProgress(), at + ".inProgress");
        compile(compiled, HealthStatus.FAILED, entry.failed(), at + ".failed");
        if (entry.current() == null) {
            problems.add(at + ".current", "a CEL health rule needs a 'current' expression");
        }
        return compiled.build();
    }

    private void compile(CelRule.Builder rule, HealthStatus status, String expression, String at) {
        if (expression == null) {
            return;
        }
        var problem = rule.add(status, expression);
        if (problem != null) {
            problems.add(at, "invalid CEL expression: " + problem);
        }
    }

    /** A target's {@code waitTimeout}: a positive duration such as 90s, 5m or 1h30m; null when absent. */
    static Duration waitTimeout(String text, String at, FleetProblems problems) {
        if (text == null) {
            return null;
        }
        try {
            var d = HumanDuration.parse(text);
            if (d.isZero() || d.isNegative()) {
                problems.add(at, "waitTimeout must be positive");
                return null;
            }
            return d;
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            problems.add(at, "waitTimeout is not a duration: '" + text + "' (use e.g. 90s, 5m, 1h30m)");
            return null;
        }
    }
}
