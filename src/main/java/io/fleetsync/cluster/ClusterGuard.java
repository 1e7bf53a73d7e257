package io.fleetsync.cluster;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.TypedGuard;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * One cluster's resilience, from SmallRye Fault Tolerance: failures that say the cluster is struggling (no answer,
 * timeouts, 5xx, 429; {@link ApiFailure#retried()}) are retried with exponential backoff and jitter, or after the
 * server's Retry-After; a circuit breaker opens after consecutive failures that say the cluster is unreachable or
 * overloaded ({@link ApiFailure#countedByBreaker()}), so a dead cluster fails fast instead of spending its whole
 * deadline. An answer about one object (4xx, an admission webhook's failure or denial) is neither retried nor
 * counted: it is that object's failure, and the cluster's other requests go on. Each attempt times only its own
 * HTTP exchange ({@link KubeApi}); the cluster's deadline bounds everything else. One instance per cluster, so
 * clusters never share a breaker.
 */
public final class ClusterGuard {
    private final TypedGuard<Object> guard;
    private final ClientSettings settings;
    /** The last failure the breaker counted, so "breaker open" can say what the cluster kept doing. */
    private volatile String lastCounted;

    public ClusterGuard(String cluster, ClientSettings settings) {
        this.settings = settings;
        this.guard = TypedGuard.create(Object.class)
                .withDescription("cluster " + cluster)
                .withRetry()
                    .maxRetries(settings.retries())
                    .delay(0, ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS) // Backoff adds its own jitter
                    .maxDuration(1, ChronoUnit.HOURS) // in practice the cluster deadline bounds retries
                    .whenException(ClusterGuard::retried)
                    .withCustomBackoff().strategy(Backoff::new).done()
                    .done()
                .withCircuitBreaker()
                    .requestVolumeThreshold(settings.breakerThreshold())
                    .failureRatio(1.0)
                    .delay(settings.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .when(this::counts)
                    .done()
                .build();
    }

    /** Runs one request attempt-by-attempt under the guard; failures come out as {@link ApiException}. */
    @SuppressWarnings("unchecked")
    public <T> T call(Callable<T> attempt) {
        try {
            return (T) guard.call(attempt::call);
        } catch (ApiException e) {
            throw e;
        } catch (CircuitBreakerOpenException e) {
            throw ApiException.of(ApiFailure.CIRCUIT_OPEN, "cluster unreachable: circuit breaker open after "
                    + settings.breakerThreshold() + " consecutive failures"
                    + (lastCounted == null ? "" : " (last: " + lastCounted + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.interrupted(e);
        } catch (Exception e) {
            throw new ApiException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    /** The kind of a failure as the guard sees it; anything that is not an {@link ApiException} is a transport one. */
    static ApiFailure kindOf(Throwable t) {
        return t instanceof ApiException e ? e.kind() : ApiFailure.UNREACHABLE;
    }

    static boolean retried(Throwable t) {
        return kindOf(t).retried();
    }

    /** Only signs of an unreachable or overloaded cluster count against the breaker. */
    static boolean breaks(Throwable t) {
        return kindOf(t).countedByBreaker();
    }

    private boolean counts(Throwable t) {
        boolean counted = breaks(t);
        if (counted) {
            lastCounted = t.getMessage();
        }
        return counted;
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
