package io.fleetsync.run;

import io.fleetsync.rollout.SoakCheck;
import io.fleetsync.rollout.SoakObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * One look at every cluster of a soaking wave, side by side, at most {@code limit} clusters at once (the wave's
 * {@code maxInFlight}). One after another, a wave of a few hundred clusters would spend its whole soak in one pass
 * and see each cluster once; side by side every cluster is looked at every interval. Results keep the input order.
 */
final class SoakRound {
    private final ExecutorService executor;
    private final int limit;

    SoakRound(ExecutorService executor, int limit) {
        this.executor = executor;
        this.limit = Math.max(1, limit);
    }

    List<SoakObservation> observe(SoakCheck check, List<String> clusters) {
        if (clusters.size() <= 1) {
            return clusters.stream().map(check::observe).toList();
        }
        var permits = new Semaphore(limit);
        var futures = new ArrayList<Future<SoakObservation>>(clusters.size());
        for (var cluster : clusters) {
            futures.add(executor.submit(() -> {
                permits.acquire();
                try {
                    return check.observe(cluster);
                } finally {
                    permits.release();
                }
            }));
        }
        var out = new ArrayList<SoakObservation>(clusters.size());
        try {
            for (var future : futures) {
                out.add(future.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking at a soaking wave", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
        return out;
    }
}
