package io.fleetsync.apply;

import io.fleetsync.resource.ObjectView;
import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.cluster.Stopping;
import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.result.OutcomeReason;
import io.fleetsync.cluster.ApiException;
import io.fleetsync.diff.HoldBack;
import io.fleetsync.plan.PlannedObject;
import java.util.Map;
import java.util.Optional;

/**
 * A write the plan found blocked by a deletion in progress (the object itself, or its namespace, is terminating).
 * Sending it would only be refused or undone, so by default it fails at once without a request; with
 * {@code --wait-for-deletion} this waits until the deletion completes (bounded by the cluster deadline) and then lets
 * the write go ahead.
 */
final class PendingDeletions {
    private final ObjectStore api;
    private final ApplyOptions options;
    private final Stopping stopping;

    PendingDeletions(ObjectStore api, ApplyOptions options, Stopping stopping) {
        this.api = api;
        this.options = options;
        this.stopping = stopping;
    }

    /** Empty when the write may go ahead now; otherwise the object's outcome. */
    Optional<ObjectOutcome> await(PlannedObject p) {
        var change = p.change();
        if (!options.waitForDeletion() || options.dryRun()) {
            // The change carries the reason; the report words it (and names --wait-for-deletion).
            return Optional.of(ObjectOutcome.failed(change, (OutcomeReason) null));
        }
        var path = change.heldBack().reason() == HoldBack.Reason.NAMESPACE_TERMINATING
                ? "/api/v1/namespaces/" + change.key().namespace()
                : p.resource().objectPath(change.key().namespace(), change.key().name());
        var wait = options.deletionWait();
        boolean gone;
        try {
            gone = Waiter.until(() -> stopping.requested() || !terminating(api.get(path)), wait);
        } catch (ApiException e) {
            return Optional.of(ObjectOutcome.failed(change, new OutcomeReason.DeletionWaitFailed(e.getMessage())));
        }
        if (stopping.requested()) {
            return Optional.of(ObjectOutcome.skipped(change, new OutcomeReason.Interrupted(OutcomeReason.Verb.APPLY)));
        }
        if (!gone) {
            return Optional.of(ObjectOutcome.failed(change, new OutcomeReason.StillDeleting(wait)));
        }
        return Optional.empty();
    }

    /** Gone, or replaced by a live object (someone recreated it, or fleetsync did in an earlier stage). */
    private static boolean terminating(Map<String, Object> live) {
        return live != null && ObjectView.of(live).deletionTimestamp().isPresent();
    }
}
