package io.fleetsync.apply;

import java.time.Duration;
import java.time.Instant;

/**
 * How apply writes.
 *
 * @param dryRun send every write as a server-side dry run
 * @param forceReplace delete and recreate objects whose immutable fields changed
 * @param waitTimeout how long to wait for a CRD to be Established or a replaced object to be gone
 * @param waitForDeletion wait until an object (or namespace) being deleted is gone, then create it; without this
 *     such writes fail at once
 * @param deadline when the cluster's deadline ends ({@code --cluster-timeout}): bounds the wait for a deletion;
 *     null when unknown (then {@code waitTimeout} bounds it)
 */
public record ApplyOptions(boolean dryRun, boolean forceReplace, Duration waitTimeout, boolean waitForDeletion,
                           Instant deadline) {
    public ApplyOptions(boolean dryRun, boolean forceReplace, Duration waitTimeout) {
        this(dryRun, forceReplace, waitTimeout, false, null);
    }

    public static ApplyOptions defaults() {
        return new ApplyOptions(false, false, Duration.ofSeconds(60));
    }

    /** How writes are sent: persisted, or as a server-side dry run. */
    public io.fleetsync.cluster.WriteMode writeMode() {
        return io.fleetsync.cluster.WriteMode.dryRunIf(dryRun);
    }

    /** These options for one cluster whose pipeline must end by {@code clusterDeadline}. */
    public ApplyOptions until(Instant clusterDeadline) {
        return new ApplyOptions(dryRun, forceReplace, waitTimeout, waitForDeletion, clusterDeadline);
    }

    /**
     * How long a deletion may be waited for: until shortly before the cluster deadline, so the object is reported
     * as failed with its reason instead of the whole cluster being cut off by the deadline.
     */
    Duration deletionWait() {
        if (deadline == null) {
            return waitTimeout;
        }
        var left = Duration.between(Instant.now(), deadline).minus(DEADLINE_MARGIN);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Time left to report and narrow the ApplySet parents after a wait that ran out. */
    private static final Duration DEADLINE_MARGIN = Duration.ofSeconds(3);
}
