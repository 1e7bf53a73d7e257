package io.fleetsync.run;

import io.fleetsync.apply.ClusterJournal;
import io.fleetsync.cluster.Stopping;
import io.fleetsync.manifest.ClusterState;
import io.fleetsync.report.ClusterReport;

/** The work of one cluster (the pipeline; a fake in the runner's tests); returns its report, never throws. */
@FunctionalInterface
interface ClusterWorkload {
    /**
     * @param journal where the work records its phase, plan and outcomes as it goes, so a report can still be
     *     made from it when the cluster's deadline cuts the work short
     */
    ClusterReport run(ClusterState state, ClusterJournal journal, Stopping stopping);
}
