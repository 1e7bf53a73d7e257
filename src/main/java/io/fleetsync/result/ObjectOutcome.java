package io.fleetsync.result;

import io.fleetsync.diff.Change;

/** What happened to one planned change during apply. */
public record ObjectOutcome(Change change, Status status, String error) {

    public enum Status {
        /** Written (or dry-run accepted). */
        DONE,
        /** Tried and rejected; {@code error} says why. */
        FAILED,
        /** Not attempted: nothing to do, a guard held it back, or the run stopped first; {@code error} says why. */
        SKIPPED
    }

    public static ObjectOutcome done(Change change) {
        return new ObjectOutcome(change, Status.DONE, null);
    }

    public static ObjectOutcome failed(Change change, String error) {
        return new ObjectOutcome(change, Status.FAILED, error);
    }

    public static ObjectOutcome skipped(Change change, String why) {
        return new ObjectOutcome(change, Status.SKIPPED, why);
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
