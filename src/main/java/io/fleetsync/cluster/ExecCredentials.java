package io.fleetsync.cluster;

import io.fleetsync.kubeconfig.ExecPlugin;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The run's exec credentials, one per {@link ExecPlugin}: a plugin runs once however many clusters use its user and
 * however many requests they send, again only when its credential is about to expire or was rejected (401).
 * Concurrent callers wait for the one run in progress instead of starting their own. A failure is kept too, so a
 * broken plugin is run once per run, not once per cluster.
 */
final class ExecCredentials {
    private final Function<ExecPlugin, ExecCredential> runner;
    private final Clock clock;
    private final ConcurrentHashMap<ExecPlugin, Slot> slots = new ConcurrentHashMap<>();

    ExecCredentials(Function<ExecPlugin, ExecCredential> runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    /** The current credential, running the plugin when there is none yet or it is about to expire. */
    ExecCredential get(ExecPlugin plugin) {
        return slots.computeIfAbsent(plugin, p -> new Slot()).get(plugin, null);
    }

    /**
     * After a 401 for a request sent with {@code rejectedToken}: runs the plugin again unless another caller already
     * replaced that token, and returns the credential to retry with.
     */
    ExecCredential rejected(ExecPlugin plugin, String rejectedToken) {
        return slots.computeIfAbsent(plugin, p -> new Slot()).get(plugin, rejectedToken);
    }

    private final class Slot {
        // A ReentrantLock, not synchronized: callers are virtual threads, which synchronized would pin (JDK 21).
        private final ReentrantLock lock = new ReentrantLock();
        private volatile ExecCredential current;
        private volatile ExecCredentialException failure;

        ExecCredential get(ExecPlugin plugin, String rejectedToken) {
            var c = current;
            if (usable(c, rejectedToken)) {
                return c;
            }
            lock.lock();
            try {
                c = current;
                if (usable(c, rejectedToken)) {
                    return c;
                }
                if (failure != null) {
                    throw failure;
                }
                try {
                    current = runner.apply(plugin);
                    return current;
                } catch (ExecCredentialException e) {
                    failure = e;
                    throw e;
                }
            } finally {
                lock.unlock();
            }
        }

        private boolean usable(ExecCredential c, String rejectedToken) {
            return c != null && !c.needsRefresh(clock.instant())
                    && (rejectedToken == null || !rejectedToken.equals(c.token()));
        }
    }
}
