package io.fleetsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.health.HealthRules;
import io.fleetsync.health.WaitSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void aWavesConcurrencyAndDeadlineKeepEveryOtherSetting() {
        var base = Requests.of(Mode.APPLY, Set.of()).runOptions();
        var waiting = new WaitSettings(true, Duration.ofMinutes(2), Map.of("web", Duration.ofMinutes(7)),
                HealthRules.NONE);
        var options = new RunOptions(base.apply(), base.plan(), base.write(), base.client(), 16,
                Duration.ofMinutes(15), waiting, StatusRead.with(HealthRules.NONE));

        var wave = options.withConcurrencyAndTimeout(2, Duration.ofMinutes(3));

        assertThat(wave.concurrency()).isEqualTo(2);
        assertThat(wave.clusterTimeout()).isEqualTo(Duration.ofMinutes(3));
        // What a wave must never drop: --wait (a broken canary would pass) and the status read.
        assertThat(wave.health()).isEqualTo(waiting);
        assertThat(wave.status().enabled()).isTrue();
        assertThat(wave).isEqualTo(new RunOptions(options.apply(), options.plan(), options.write(), options.client(),
                2, Duration.ofMinutes(3), options.health(), options.status()));
    }
}
