package io.fleetsync.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Rendezvous (highest random weight) hashing of cluster names onto shards: a cluster goes to the shard whose
 * (cluster, shard) hash is highest. The answer depends only on the name and the shard count, so adding or removing a
 * cluster never moves another one, and going from n to n+1 shards moves only about 1/(n+1) of the clusters (those
 * the new shard wins). SHA-256 keeps the assignment identical across JVMs, versions and native builds.
 */
public final class Rendezvous {
    private Rendezvous() {
    }

    /** The shard (0-based, below {@code count}) that owns {@code clusterName}. */
    public static int shardOf(String clusterName, int count) {
        int best = 0;
        long bestWeight = Long.MIN_VALUE;
        for (int shard = 0; shard < count; shard++) {
            long weight = weight(clusterName, shard);
            if (weight > bestWeight) {
                best = shard;
                bestWeight = weight;
            }
        }
        return best;
    }

    static long weight(String clusterName, int shard) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((clusterName + "\u0000" + shard).getBytes(StandardCharsets.UTF_8));
            long w = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                w = (w << 8) | (digest[i] & 0xff);
            }
            return w;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
