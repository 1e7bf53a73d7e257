package io.fleetsync.run;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an action once a delay has passed: how a cluster's deadline and grace period fire without anyone polling. */
@FunctionalInterface
interface Alarms {

    void after(Duration delay, Runnable action);

    /**
     * The JDK's delay scheduler (one daemon thread shared by the whole JVM, started on first use), so fleetsync
     * owns no timer thread to shut down. An alarm of a cluster that already finished fires into nothing.
     */
    Alarms SYSTEM = (delay, action) ->
            CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, Runnable::run).execute(action);
}
