package io.fleetsync.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.resource.GroupKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The health rules, one YAML fixture per case in src/test/resources/health: the object as read from the cluster,
 * the generation the apply produced, optional fleet-file rules, and the expected status and reason.
 */
class HealthEvaluatorTest {
    private static final Path FIXTURES = Path.of("src/test/resources/health");

    record Fixture(String name, Map<String, Object> object, long appliedGeneration, HealthStatus status,
                   HealthReason reason, HealthRules rules) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fixture> fixtures() {
        try (var files = Files.list(FIXTURES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(HealthEvaluatorTest::read)
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void evaluatesAsTheFixtureSays(Fixture f) {
        var health = new HealthEvaluator(f.rules()).evaluate(f.object(), f.appliedGeneration());
        assertThat(health.status()).as(f.name() + ": " + health).isEqualTo(f.status());
        assertThat(health.reason()).as(f.name() + ": " + health).isEqualTo(f.reason());
        assertThat(health.message()).isNotBlank();
    }

    /** Every status and reason the evaluator can give has a fixture (UNKNOWN/UNREADABLE come from failed reads). */
    @Test
    void everyStatusAndReasonHasAFixture() {
        var fixtures = fixtures().toList();
        var statuses = EnumSet.noneOf(HealthStatus.class);
        var reasons = EnumSet.noneOf(HealthReason.class);
        fixtures.forEach(f -> {
            statuses.add(f.status());
            reasons.add(f.reason());
        });
        assertThat(statuses).containsAll(EnumSet.complementOf(EnumSet.of(HealthStatus.UNKNOWN)));
        assertThat(reasons).containsAll(EnumSet.complementOf(EnumSet.of(HealthReason.UNREADABLE)));
    }

    @SuppressWarnings("unchecked")
    private static Fixture read(Path file) {
        try {
            Map<String, Object> doc = new Yaml().load(Files.readString(file));
            var expect = (Map<String, Object>) doc.get("expect");
            var name = file.getFileName().toString().replace(".yaml", "");
            return new Fixture(name, (Map<String, Object>) doc.get("object"),
                    ((Number) doc.get("appliedGeneration")).longValue(),
                    HealthStatus.valueOf((String) expect.get("status")),
                    HealthReason.valueOf((String) expect.get("reason")),
                    rules((List<Map<String, Object>>) doc.get("rules")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's rules, built as the fleet-file reader builds them. */
    @SuppressWarnings("unchecked")
    private static HealthRules rules(List<Map<String, Object>> entries) {
        if (entries == null) {
            return HealthRules.NONE;
        }
        var rules = new ArrayList<CustomHealthRule>();
        for (var e : entries) {
            var kind = new GroupKind((String) e.get("group"), (String) e.get("kind"));
            if (e.get("conditions") instanceof List<?> conditions) {
                var matchers = new ArrayList<ConditionRule.Matcher>();
                for (var c : (List<Map<String, Object>>) conditions) {
                    matchers.add(new ConditionRule.Matcher((String) c.get("type"), (String) c.get("status"),
                            switch ((String) c.get("health")) {
                                case "Current" -> HealthStatus.CURRENT;
                                case "Failed" -> HealthStatus.FAILED;
                                default -> HealthStatus.IN_PROGRESS;
                            }));
                }
                rules.add(new ConditionRule(kind, matchers));
            } else {
                var b = new CelRule.Builder(kind);
                for (var field : List.of("current", "inProgress", "failed")) {
                    if (e.get(field) instanceof String expr) {
                        var status = switch (field) {
                            case "current" -> HealthStatus.CURRENT;
                            case "failed" -> HealthStatus.FAILED;
                            default -> HealthStatus.IN_PROGRESS;
                        };
                        assertThat(b.add(status, expr)).as(expr).isNull();
                    }
                }
                rules.add(b.build());
            }
        }
        return new HealthRules(rules);
    }
}
