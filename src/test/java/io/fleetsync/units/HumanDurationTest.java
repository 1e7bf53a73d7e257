package io.fleetsync.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @ParameterizedTest
    @CsvSource({"250, 250ms", "30000, 30s", "90000, 1m30s", "300000, 5m", "5400000, 1h30m", "3601000, 1h1s"})
    void aSettingIsRepeatedInTheNotationItsFlagTakes(long millis, String expected) {
        assertThat(HumanDuration.exact(Duration.ofMillis(millis))).isEqualTo(expected);
        assertThat(HumanDuration.parse(expected)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"1m30s, 90000", "' 45s ', 45000", "PT2M, 120000", "1h, 3600000"})
    void settingsParseFromTheShortNotationOrIso(String text, long millis) {
        assertThat(HumanDuration.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"5 minutes", "''", "m5", "5m x"})
    void anythingElseIsRefusedNamingTheText(String text) {
        assertThatThrownBy(() -> HumanDuration.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a duration: " + text);
    }
}
