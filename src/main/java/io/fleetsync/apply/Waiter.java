package io.fleetsync.apply;

import io.fleetsync.cluster.ApiException;
import java.util.function.BooleanSupplier;
import java.time.Duration;

/** Polls a condition on the API server until it holds or the time is up (a replaced object gone; CRDs are watched). */
final class Waiter {
    private static final long POLL_MS = 200;

    private Waiter() {
    }

    static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApiException.interrupted(e);
            }
        }
    }

    /** Whether a CRD (as read from the server) reports condition Established=True. */
    @SuppressWarnings("unchecked")
    static boolean established(java.util.Map<String, Object> crd) {
        if (crd == null || !(crd.get("status") instanceof java.util.Map<?, ?> status)) {
            return false;
        }
        // A CRD the apiextensions controller has not reached yet carries "conditions": null, not an empty list.
        if (!(status.get("conditions") instanceof java.util.List<?> conditions)) {
            return false;
        }
        return conditions.stream().anyMatch(c -> c instanceof java.util.Map<?, ?> m
                && "Established".equals(m.get("type")) && "True".equals(m.get("status")));
    }
}
