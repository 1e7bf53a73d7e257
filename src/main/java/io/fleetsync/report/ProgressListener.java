package io.fleetsync.report;

/**
 * Events the core emits while clusters run, so the CLI can show progress without the core printing anything.
 * Called concurrently from the clusters' threads: implementations must be thread-safe.
 */
public interface ProgressListener {

    /** Does nothing; for library use and tests. */
    ProgressListener NONE = new ProgressListener() {
    };

    default void clusterStarted(String cluster) {
    }

    /** The cluster entered a phase (connect, discover, list, diff, apply). */
    default void clusterPhase(String cluster, String phase) {
    }

    default void clusterFinished(ClusterReport report) {
    }
}
