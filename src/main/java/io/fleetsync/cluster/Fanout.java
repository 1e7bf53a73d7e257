package io.fleetsync.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one cluster's independent requests side by side on the (virtual-thread) executor; the cluster's
 * {@link KubeApi} bounds how many are actually in flight. Results keep the input order.
 */
public final class Fanout {
    private final ExecutorService executor;

    public Fanout(ExecutorService executor) {
        this.executor = executor;
    }

    public <T, R> List<R> map(List<T> items, Function<T, R> fn) {
        if (items.size() <= 1) {
            return items.stream().map(fn).toList();
        }
        var futures = new ArrayList<Future<R>>(items.size());
        for (var item : items) {
            futures.add(executor.submit(() -> fn.apply(item)));
        }
        var out = new ArrayList<R>(items.size());
        try {
            for (var f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw ApiException.interrupted(e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        return out;
    }
}
