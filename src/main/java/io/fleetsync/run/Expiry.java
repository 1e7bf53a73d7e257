package io.fleetsync.run;

import io.fleetsync.units.HumanDuration;
import java.time.Duration;

/** Why a cluster's time ran out before its pipeline finished. */
enum Expiry {
    /** Its --cluster-timeout passed. */
    DEADLINE,
    /** The run was asked to stop, and the grace period for in-flight work ended. */
    GRACE;

    /** Whichever alarm fired: once a stop was asked, the cluster ends because of the stop. */
    static Expiry of(boolean stopRequested) {
        return stopRequested ? GRACE : DEADLINE;
    }

    String message(Duration clusterTimeout) {
        return switch (this) {
            case GRACE -> "stopped: the run was interrupted and the grace period ended";
            case DEADLINE -> "did not finish within " + HumanDuration.exact(clusterTimeout) + " (--cluster-timeout)";
        };
    }
}
