package io.fleetsync.cluster;

import java.time.Duration;

/**
 * How fleetsync talks to each cluster.
 *
 * @param maxInFlight requests of one cluster in flight at once ({@code --cluster-requests})
 * @param requestTimeout the longest one request attempt may take
 * @param connectTimeout the longest a TCP/TLS connect may take
 * @param retries retries of a failed request (connection errors, 429, 500, 502, 503, 504)
 * @param backoff first retry delay; doubles each retry up to {@code maxBackoff}, plus jitter
 * @param qps sustained requests per second per cluster; 0 for no cap
 * @param burst requests that may go at once before the cap applies
 * @param breakerThreshold consecutive failed requests that open a cluster's circuit breaker
 * @param breakerDelay how long an open breaker rejects requests before it lets one try again
 */
public record ClientSettings(int maxInFlight, Duration requestTimeout, Duration connectTimeout, int retries,
                             Duration backoff, Duration maxBackoff, double qps, int burst, int breakerThreshold,
                             Duration breakerDelay) {
    public static ClientSettings defaults() {
        return new ClientSettings(8, Duration.ofSeconds(30), Duration.ofSeconds(10), 4, Duration.ofMillis(250),
                Duration.ofSeconds(8), 200, 400, 5, Duration.ofSeconds(30));
    }
}
