package io.fleetsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class RateCapTest {

    @Test
    void aBurstGoesAtOnceThenRequestsWaitForTheRate() throws Exception {
        var cap = new RateCap(20, 5);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            cap.beforeRequest();
        }
        var burst = Duration.ofNanos(System.nanoTime() - start);
        for (int i = 0; i < 10; i++) {
            cap.beforeRequest();
        }
        var total = Duration.ofNanos(System.nanoTime() - start);

        assertThat(burst).isLessThan(Duration.ofMillis(100));
        assertThat(total).as("10 more at 20/s").isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void manyThreadsShareOneClustersRate() throws Exception {
        var cap = new RateCap(50, 1);
        long start = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 26; i++) {
                executor.submit(cap::beforeRequest);
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    @Test
    void zeroMeansNoCap() {
        assertThat(RateCap.of(0, 1)).isSameAs(RequestGate.OPEN);
    }
}
