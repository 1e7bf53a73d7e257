package io.fleetsync.result;

import io.fleetsync.diff.Change;

/**
 * What happened to one planned change during apply.
 *
 * @param reason why it failed or was skipped, as a value the report words; null when done, or when the change's
 *     own hold-back says why
 */
public record ObjectOutcome(Change change, Status status, OutcomeReason reason) {

    public enum Status {
        /** Written (or dry-run accepted). */
        DONE,
        /** Tried and rejected; {@code reason} says why. */
        FAILED,
        /** Not attempted: nothing to do, a guard held it back, or the run stopped first; {@code reason} says why. */
        SKIPPED
    }

    public static ObjectOutcome done(Change change) {
        return new ObjectOutcome(change, Status.DONE, null);
    }

    public static ObjectOutcome failed(Change change, OutcomeReason why) {
        return new ObjectOutcome(change, Status.FAILED, why);
    }

    /** Failed with a message already in words (the API server's answer). */
    public static ObjectOutcome failed(Change change, String error) {
        return failed(change, OutcomeReason.message(error));
    }

    public static ObjectOutcome skipped(Change change, OutcomeReason why) {
        return new ObjectOutcome(change, Status.SKIPPED, why);
    }

    /** Skipped for a reason already in words. */
    public static ObjectOutcome skipped(Change change, String why) {
        return skipped(change, OutcomeReason.message(why));
    }

    /** A delete a guard held back ({@code change.heldBack()} says which): not attempted, and not an error. */
    public static ObjectOutcome heldBack(Change change) {
        return new ObjectOutcome(change, Status.SKIPPED, null);
    }

    /** Skipped because a guard held the delete back: the cluster stays ok. */
    public boolean isHeldBack() {
        return status == Status.SKIPPED && change.isHeldBackDelete();
    }
}
