package io.fleetsync.cluster;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A token bucket that makes callers wait (client-go's QPS/burst): SmallRye's rate limit rejects instead of
 * waiting, which would turn a busy fleet into failures rather than a slower one.
 */
public final class RateCap implements RequestGate {
    private final double perSecond;
    private final double burst;
    private final ReentrantLock lock = new ReentrantLock();
    private double tokens;
    private long last = System.nanoTime();

    public RateCap(double perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.tokens = this.burst;
    }

    /** No cap at all when {@code qps <= 0}. */
    public static RequestGate of(double qps, int burst) {
        return qps <= 0 ? RequestGate.OPEN : new RateCap(qps, burst);
    }

    @Override
    public void beforeRequest() {
        long waitNanos;
        lock.lock();
        try {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            tokens -= 1;
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens / perSecond * 1e9);
        } finally {
            lock.unlock();
        }
        if (waitNanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApiException.interrupted(e);
            }
        }
    }
}
