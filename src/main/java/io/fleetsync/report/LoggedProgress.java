package io.fleetsync.report;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Progress as log records instead of bare stderr lines, for JSON logging in a container: each finished cluster is
 * one record whose MDC carries {@code cluster}, so a log pipeline can filter and alert per cluster.
 */
public final class LoggedProgress implements ProgressListener {
    private static final Logger LOG = Logger.getLogger("io.fleetsync.progress");

    @Override
    public void clusterFinished(ClusterReport report) {
        MDC.put("cluster", report.cluster());
        try {
            var line = report.cluster() + " " + StderrProgress.describe(report);
            if (report.status() == ClusterReport.Status.OK) {
                LOG.info(line);
            } else {
                LOG.warn(line);
            }
        } finally {
            MDC.remove("cluster");
        }
    }
}
