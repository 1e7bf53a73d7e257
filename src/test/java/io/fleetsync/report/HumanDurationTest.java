package io.fleetsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {

    @ParameterizedTest
    @CsvSource({"0, 0ms", "850, 850ms", "1400, 1.4s", "59940, 59.9s", "59960, 1m00s", "125000, 2m05s",
            "3720000, 1h02m"})
    void durationsReadNaturallyAtEveryScale(long millis, String expected) {
        assertThat(HumanDuration.format(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = "null")
    void anUnknownDurationIsADash(Duration unknown) {
        assertThat(HumanDuration.format(unknown)).isEqualTo("-");
    }
}
