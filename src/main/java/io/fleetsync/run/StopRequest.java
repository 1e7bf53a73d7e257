package io.fleetsync.run;

import io.fleetsync.cluster.Stopping;
import java.util.concurrent.CompletableFuture;

/**
 * One run's "please stop": set once (by a signal), polled as {@link Stopping} between requests, and observable, so
 * the runner starts each cluster's grace period the moment it is asked instead of polling for it.
 */
public final class StopRequest implements Stopping {
    // A future as a one-shot latch with listeners: complete() is idempotent and runs every listener exactly once.
    private final CompletableFuture<Void> asked = new CompletableFuture<>();

    public void request() {
        asked.complete(null);
    }

    @Override
    public boolean requested() {
        return asked.isDone();
    }

    /** Runs {@code action} when the stop is requested: on the requesting thread, or at once if it already was. */
    void whenRequested(Runnable action) {
        asked.thenRun(action);
    }
}
