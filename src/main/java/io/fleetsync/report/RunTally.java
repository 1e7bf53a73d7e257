package io.fleetsync.report;

/** Totals of a whole run: objects per action across clusters, and clusters per status. */
public record RunTally(ClusterTally objects, int clusters, int ok, int partial, int failed, int heldBack) {

    public static RunTally of(RunReport report) {
        var objects = ClusterTally.ZERO;
        int ok = 0;
        int partial = 0;
        int failed = 0;
        int heldBack = 0;
        for (var cluster : report.clusters()) {
            objects = objects.plus(ClusterTally.of(cluster));
            switch (cluster.status()) {
                case OK -> ok++;
                case PARTIAL -> partial++;
                case FAILED -> failed++;
                case HELD_BACK -> heldBack++;
            }
        }
        return new RunTally(objects, report.clusters().size(), ok, partial, failed, heldBack);
    }
}
