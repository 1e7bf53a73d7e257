package io.fleetsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.rollout.SoakObservation;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SoakRoundTest {

    @Test
    void looksAtAWavesClustersSideBySideUpToTheLimit() throws Exception {
        var clusters = IntStream.rangeClosed(1, 12).mapToObj(i -> "c" + i).toList();
        var inFlight = new AtomicInteger();
        var most = new AtomicInteger();
        // Each look waits until three are under way at once: looked at one after another, none would get there.
        var threeAtOnce = new CountDownLatch(3);
        var sawThreeAtOnce = new AtomicInteger();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var observations = new SoakRound(executor, 3).observe(cluster -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    threeAtOnce.countDown();
                    if (threeAtOnce.await(10, TimeUnit.SECONDS)) {
                        sawThreeAtOnce.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
                return SoakObservation.healthy(cluster);
            }, clusters);

            assertThat(observations).extracting(SoakObservation::cluster).containsExactlyElementsOf(clusters);
            assertThat(sawThreeAtOnce).hasValue(12);
            assertThat(most.get()).isEqualTo(3);
        }
    }

    @Test
    void aSingleClusterIsLookedAtOnTheCallersThread() {
        var caller = Thread.currentThread();
        var observations = new SoakRound(null, 3).observe(cluster -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            return SoakObservation.healthy(cluster);
        }, List.of("only"));
        assertThat(observations).extracting(SoakObservation::cluster).containsExactly("only");
    }
}
