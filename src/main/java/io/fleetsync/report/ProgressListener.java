package io.fleetsync.report;

/** Events the core emits while clusters are in flight; the CLI renders them on stderr. */
public interface ProgressListener {
    default void clusterStarted(String cluster) {
    }

    default void clusterPhase(String cluster, String phase) {
    }

    default void clusterFinished(ClusterReport report) {
    }
}
