package io.fleetsync.apply;

import io.fleetsync.health.*;

import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ApiFailure;
import io.fleetsync.cluster.ObjectStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import io.fleetsync.cluster.Stopping;

/**
 * {@code apply --wait} on one cluster: reads the objects the apply changed until every one is Current, one is
 * Failed, or its timeout passes. A modest poll rather than watches (docs/architecture.md says why): one GET per
 * object not yet Current, every second at first and then less often, up to every {@link #MAX_INTERVAL}; each read
 * goes through {@link ObjectStore}, so the cluster's rate cap and guard pace it.
 */
public final class HealthWait {
    static final Duration FIRST_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_INTERVAL = Duration.ofSeconds(5);
    private static final long SLICE_MS = 100;

    private final HealthProbe probe;
    private final WaitSettings settings;

    public HealthWait(WaitSettings settings) {
        this.settings = settings;
        this.probe = new HealthProbe(settings.rules());
    }

    /**
     * @param deadline the cluster's own deadline (its --cluster-timeout); the wait ends before it so the report can
     *     still be written; null when there is none
     */
    public HealthWaitResult await(ObjectStore api, List<AppliedObject> objects, Instant deadline,
                                  Stopping stopping) {
        if (objects.isEmpty()) {
            return HealthWaitResult.nothingToWaitFor();
        }
        long start = System.nanoTime();
        var latest = new LinkedHashMap<AppliedObject, ObjectHealth>();
        var pending = new ArrayList<>(objects);
        long interval = FIRST_INTERVAL.toMillis();
        int rounds = 0;
        while (true) {
            if (stopping.requested()) {
                return result(WaitEnd.STOPPED, objects, latest, start, rounds);
            }
            rounds++;
            try {
                for (var object : List.copyOf(pending)) {
                    var health = new ObjectHealth(object, probe.health(api, object));
                    latest.put(object, health);
                    if (health.health().status() == HealthStatus.CURRENT) {
                        pending.remove(object);
                    } else if (health.health().status() == HealthStatus.FAILED) {
                        return result(WaitEnd.FAILED, objects, latest, start, rounds);
                    }
                }
                if (pending.isEmpty()) {
                    return result(WaitEnd.CURRENT, objects, latest, start, rounds);
                }
                long now = System.nanoTime();
                var expired = pending.stream().filter(o -> now >= deadlineOf(o, start, deadline)).toList();
                if (!expired.isEmpty()) {
                    expired.forEach(o -> latest.computeIfPresent(o, (k, h) -> h.timedOutNow()));
                    return result(WaitEnd.TIMED_OUT, objects, latest, start, rounds);
                }
                long next = pending.stream().mapToLong(o -> deadlineOf(o, start, deadline)).min().orElse(now);
                sleep(Math.min(interval, Math.max(1, (next - now) / 1_000_000)), stopping);
            } catch (ApiException e) {
                if (e.kind() == ApiFailure.INTERRUPTED) {
                    return result(WaitEnd.STOPPED, objects, latest, start, rounds);
                }
                throw e;
            }
            interval = Math.min(MAX_INTERVAL.toMillis(), interval * 3 / 2);
        }
    }

    /** Nano time when waiting for this object ends: its target's timeout, cut short by the cluster deadline. */
    private long deadlineOf(AppliedObject object, long start, Instant clusterDeadline) {
        long own = start + settings.timeoutOf(object.target()).toNanos();
        if (clusterDeadline == null) {
            return own;
        }
        long left = Duration.between(Instant.now(), clusterDeadline).toNanos();
        return Math.min(own, System.nanoTime() + left);
    }

    /** Sleeps in short slices so a stop is seen within a tenth of a second. */
    private static void sleep(long millis, Stopping stopping) {
        long until = System.nanoTime() + millis * 1_000_000;
        try {
            while (!stopping.requested()) {
                long left = (until - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return;
                }
                Thread.sleep(Math.min(SLICE_MS, left));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.interrupted(e);
        }
    }

    private static HealthWaitResult result(WaitEnd end, List<AppliedObject> objects,
                                           LinkedHashMap<AppliedObject, ObjectHealth> latest, long start, int rounds) {
        var out = new ArrayList<ObjectHealth>();
        for (var o : objects) {
            out.add(latest.getOrDefault(o, new ObjectHealth(o, new Health(HealthStatus.UNKNOWN,
                    HealthReason.UNREADABLE, "not read before the wait ended"))));
        }
        return new HealthWaitResult(end, out, Duration.ofNanos(System.nanoTime() - start), rounds);
    }
}
