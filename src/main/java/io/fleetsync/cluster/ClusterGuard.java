package io.fleetsync.cluster;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.TypedGuard;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * One cluster's resilience, from SmallRye Fault Tolerance: each request attempt has a timeout; transient failures
 * (connection errors, 429, 500, 502, 503, 504, timeouts) are retried with exponential backoff and jitter, or after
 * the server's Retry-After; a circuit breaker opens after consecutive failures so a dead cluster fails fast
 * instead of spending its whole deadline. Other 4xx are never retried. One instance per cluster, so clusters
 * never share a breaker.
 */
public final class ClusterGuard {
    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

    private final TypedGuard<String> guard;
    private final ClientSettings settings;

    public ClusterGuard(String cluster, ClientSettings settings) {
        this.settings = settings;
        this.guard = TypedGuard.create(String.class)
                .withDescription("cluster " + cluster)
                .withRetry()
                    .maxRetries(settings.retries())
                    .delay(0, ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS) // Backoff adds its own jitter
                    .maxDuration(1, ChronoUnit.HOURS) // in practice the cluster deadline bounds retries
                    .whenException(ClusterGuard::transient_)
                    .withCustomBackoff().strategy(Backoff::new).done()
                    .done()
                .withCircuitBreaker()
                    .requestVolumeThreshold(settings.breakerThreshold())
                    .failureRatio(1.0)
                    .delay(settings.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .when(ClusterGuard::breaks)
                    .done()
                .withTimeout().duration(settings.requestTimeout().toMillis(), ChronoUnit.MILLIS).done()
                .build();
    }

    /** Runs one request attempt-by-attempt under the guard; failures come out as {@link ApiException}. */
    public String call(Callable<String> attempt) {
        try {
            return guard.call(attempt);
        } catch (ApiException e) {
            throw e;
        } catch (CircuitBreakerOpenException e) {
            throw new ApiException(0, "CircuitOpen", "cluster unreachable: circuit breaker open after "
                    + settings.breakerThreshold() + " consecutive failures", java.util.List.of(), null);
        } catch (TimeoutException e) {
            throw new ApiException(0, "Timeout", "request timed out after "
                    + settings.requestTimeout().toSeconds() + "s (" + (settings.retries() + 1) + " attempts)",
                    java.util.List.of(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted", e);
        } catch (Exception e) {
            throw new ApiException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    static boolean transient_(Throwable t) {
        if (t instanceof TimeoutException) {
            return true;
        }
        return t instanceof ApiException e && (RETRYABLE.contains(e.code()) || isConnectionError(e));
    }

    /** Only signs of an unhealthy cluster count against the breaker; 4xx answers and throttling do not. */
    static boolean breaks(Throwable t) {
        if (t instanceof TimeoutException) {
            return true;
        }
        return t instanceof ApiException e && (isConnectionError(e) || (e.code() >= 500 && e.code() != 501));
    }

    private static boolean isConnectionError(ApiException e) {
        return e.code() == 0 && "ConnectionError".equals(e.reason());
    }

    /** Exponential with full jitter, except that a server's Retry-After is honoured as asked. */
    private final class Backoff implements CustomBackoffStrategy {
        private int attempt;

        @Override
        public long nextDelayInMillis(Throwable cause) {
            if (cause instanceof ApiException e && e.retryAfterSeconds() != null) {
                attempt++;
                return Math.min(e.retryAfterSeconds() * 1000, settings.maxBackoff().toMillis() * 4);
            }
            long cap = Math.min(settings.maxBackoff().toMillis(), settings.backoff().toMillis() << Math.min(attempt, 20));
            attempt++;
            return cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
        }
    }
}
