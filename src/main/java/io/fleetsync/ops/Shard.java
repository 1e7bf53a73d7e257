package io.fleetsync.ops;

import java.util.Map;
import java.util.Optional;

/**
 * One shard of a fleet split over {@code count} runs: {@code index} is 0-based, like a Kubernetes Indexed Job's
 * {@code JOB_COMPLETION_INDEX}. Which clusters a shard owns is decided by {@link Rendezvous}.
 */
public record Shard(int index, int count) {
    /** Set by Kubernetes in every pod of an Indexed Job. */
    public static final String JOB_INDEX_ENV = "JOB_COMPLETION_INDEX";
    /** The Job's {@code completions}; Kubernetes does not expose it to the pod, so the manifest must set it. */
    public static final String SHARD_COUNT_ENV = "FLEETSYNC_SHARDS";

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("the shard count must be at least 1, not " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard index " + index + " is outside 0.." + (count - 1)
                    + " (indexes are 0-based, like JOB_COMPLETION_INDEX)");
        }
    }

    /** Parses {@code i/n}, e.g. {@code 0/3}. */
    public static Shard parse(String text) {
        var parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a shard: '" + text + "' (use INDEX/COUNT, e.g. 0/3)");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a shard: '" + text + "' (use INDEX/COUNT, e.g. 0/3)");
        }
    }

    /**
     * The shard of an Indexed Job pod: {@code JOB_COMPLETION_INDEX} / {@code FLEETSYNC_SHARDS}; empty when the
     * index is not set. An index without a count is an error: running the whole fleet in every pod would apply
     * each cluster several times at once.
     */
    public static Optional<Shard> fromEnvironment(Map<String, String> env) {
        var index = env.get(JOB_INDEX_ENV);
        if (index == null || index.isBlank()) {
            return Optional.empty();
        }
        var count = env.get(SHARD_COUNT_ENV);
        if (count == null || count.isBlank()) {
            throw new IllegalArgumentException(JOB_INDEX_ENV + " is set (an Indexed Job) but " + SHARD_COUNT_ENV
                    + " is not: set it to the Job's completions, or pass --shard INDEX/COUNT");
        }
        return Optional.of(parse(index + "/" + count));
    }

    public boolean owns(String clusterName) {
        return Rendezvous.shardOf(clusterName, count) == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
