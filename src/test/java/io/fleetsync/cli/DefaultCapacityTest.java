package io.fleetsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsync.cluster.ClientSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The defaults must let a large target finish: a 20,000-object initial apply sends one write per object, and the
 * rate cap is the slowest part of it, so its writes must fit the default cluster deadline with room for planning,
 * discovery and a loaded server. At the old 50 qps they needed 400 s against a deadline of 300 s, and the benchmark's
 * 20,000-object apply failed with "did not finish within 5m" (docs/benchmarks.md, "Objects per cluster"); and a
 * loaded server that accepts only ~50 writes/s needs ~400 s for them whatever the cap, more than 5m.
 */
class DefaultCapacityTest {
    private static final int LARGE_TARGET = 20_000;

    @Test
    void twentyThousandWritesTakeAtMostHalfTheDefaultClusterDeadline() {
        var options = new RunMixin();
        new CommandLine(options).parseArgs();
        double seconds = Math.max(0, LARGE_TARGET - options.clusterBurst) / options.clusterQps;
        Duration half = options.clusterTimeout.dividedBy(2);
        assertTrue(seconds <= half.toSeconds(), () -> LARGE_TARGET + " writes at " + options.clusterQps
                + " qps take " + seconds + " s, more than half of the default --cluster-timeout " + options.clusterTimeout);
    }

    /**
     * The API server, not the cap, sets the pace when it is busy: on the loaded 2-core benchmark machine both kubectl
     * and fleetsync got ~53 writes/s out of it at 5,000 objects. 20,000 writes at 50/s must fit half the deadline.
     */
    @Test
    void twentyThousandWritesToASaturatedServerTakeAtMostHalfTheDefaultClusterDeadline() {
        var options = new RunMixin();
        new CommandLine(options).parseArgs();
        double serverWritesPerSecond = 50;
        double seconds = LARGE_TARGET / Math.min(serverWritesPerSecond, options.clusterQps);
        assertTrue(seconds <= options.clusterTimeout.dividedBy(2).toSeconds(), () -> LARGE_TARGET + " writes at "
                + serverWritesPerSecond + "/s take " + seconds + " s, more than half of the default --cluster-timeout "
                + options.clusterTimeout);
    }

    @Test
    void clientSettingsDefaultsAreTheCommandLineDefaults() {
        var options = new RunMixin();
        new CommandLine(options).parseArgs();
        var d = ClientSettings.defaults();
        assertEquals(options.clusterQps, d.qps());
        assertEquals(options.clusterBurst, d.burst());
        assertEquals(options.clusterRequests, d.maxInFlight());
    }
}
