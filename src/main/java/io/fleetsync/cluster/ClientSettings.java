package io.fleetsync.cluster;

import java.time.Duration;

/**
 * How fleetsync talks to each cluster.
 *
 * @param maxInFlight requests of one cluster in flight at once ({@code --cluster-requests})
 * @param requestTimeout the longest one request may take
 * @param connectTimeout the longest a TCP/TLS connect may take
 */
public record ClientSettings(int maxInFlight, Duration requestTimeout, Duration connectTimeout) {
    public static ClientSettings defaults() {
        return new ClientSettings(8, Duration.ofSeconds(30), Duration.ofSeconds(10));
    }
}
