package io.fleetsync.report;

import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.diff.Action;

/**
 * How many objects of one cluster (or of a whole run, once added up) fall under each action, plus errors.
 *
 * @param errors objects whose apply failed; a cluster that failed without any object failing (it could not
 *     connect, list or plan) counts as one error, so a failure is never shown as zero errors
 */
public record ClusterTally(long create, long update, long replace, long delete, long adoptNeeded, long unchanged,
                           long errors) {

    public static final ClusterTally ZERO = new ClusterTally(0, 0, 0, 0, 0, 0, 0);

    public static ClusterTally of(ClusterReport report) {
        var plan = report.plan();
        long failedObjects = report.outcomes().stream().filter(o -> o.status() == ObjectOutcome.Status.FAILED).count();
        long errors = failedObjects > 0 || report.error() == null ? failedObjects : 1;
        if (plan == null) return new ClusterTally(0, 0, 0, 0, 0, 0, errors);
        return new ClusterTally(plan.count(Action.CREATE), plan.count(Action.UPDATE), plan.count(Action.REPLACE),
                plan.count(Action.DELETE), plan.count(Action.ADOPT_NEEDED), plan.count(Action.UNCHANGED), errors);
    }

    public long count(Action action) {
        return switch (action) {
            case CREATE -> create;
            case UPDATE -> update;
            case REPLACE -> replace;
            case DELETE -> delete;
            case ADOPT_NEEDED -> adoptNeeded;
            case UNCHANGED -> unchanged;
        };
    }

    /** Objects that need something done: everything but unchanged. */
    public long changes() {
        return create + update + replace + delete + adoptNeeded;
    }

    public ClusterTally plus(ClusterTally o) {
        return new ClusterTally(create + o.create, update + o.update, replace + o.replace, delete + o.delete,
                adoptNeeded + o.adoptNeeded, unchanged + o.unchanged, errors + o.errors);
    }
}
