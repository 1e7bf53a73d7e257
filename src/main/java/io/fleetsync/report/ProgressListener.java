package io.fleetsync.report;

import io.fleetsync.plan.ClusterPhase;

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

    /** The cluster entered a phase; the runner calls this one, and by default it hands the phase's word on. */
    default void clusterPhase(String cluster, ClusterPhase phase) {
        clusterPhase(cluster, phase.label());
    }

    default void clusterFinished(ClusterReport report) {
    }
}
