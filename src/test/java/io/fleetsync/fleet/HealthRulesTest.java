package io.fleetsync.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetsync.input.InputException;
import io.fleetsync.input.InputProblem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fleet file's health section and wait timeouts: built when valid, every problem with line and field when not. */
class HealthRulesTest {
    private static final Path DIR = Path.of("src/test/resources/fleet");
    private final FleetLoader loader = new FleetLoader(Map.of(), DIR.resolve("home"));

    @Test
    void loadsConditionAndCelRulesAndTheTargetsWaitTimeout() throws InputException {
        var fleet = loader.load(DIR.resolve("health.yaml"));

        assertThat(fleet.health().size()).isEqualTo(2);
        assertThat(fleet.targets().get(0).waitTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void everyBadRuleIsReportedAtItsLineAndField() {
        var e = catchThrowableOfType(InputException.class, () -> loader.load(DIR.resolve("bad/health.yaml")));

        assertThat(e.problems()).extracting(InputProblem::line, InputProblem::field).contains(
                tuple(11, "targets[0].waitTimeout"),
                tuple(15, "health[0].current"),
                tuple(18, "health[1].current"),
                tuple(22, "health[2].conditions[0].status"),
                tuple(23, "health[2].conditions[1].health"),
                tuple(24, "health[3].group"));
        assertThat(e.problems()).filteredOn(p -> p.field().equals("health[0].current")).first()
                .extracting(InputProblem::message).asString().startsWith("invalid CEL expression:");
        assertThat(e.problems()).filteredOn(p -> p.field().equals("health[1].current")).first()
                .extracting(InputProblem::message).asString().contains("bool");
    }
}
