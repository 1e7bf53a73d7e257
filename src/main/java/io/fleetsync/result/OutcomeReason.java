package io.fleetsync.result;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Why apply failed or skipped one object, as a value: the applier picks the reason and its data (the immutable
 * paths, the conflicts, the namespace, how long it waited); the report renderers turn it into words and name the
 * flag that would change it. JSON carries {@link #code()} next to those words.
 */
public sealed interface OutcomeReason {

    Code code();

    /** The codes JSON carries; {@link Code#label()} is the JSON value. */
    enum Code {
        INTERRUPTED,
        NOT_OWNED,
        IMMUTABLE_FIELD,
        FIELD_CONFLICTS,
        CRD_NOT_ESTABLISHED,
        NAMESPACE_CREATED_BY_RUN,
        CHANGED_IDENTITY,
        STILL_PRESENT_AFTER_DELETE,
        DELETION_WAIT_FAILED,
        STILL_DELETING,
        NOT_ATTEMPTED,
        /** The API server's own answer (Secret values scrubbed), or another message already in words. */
        MESSAGE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What the object was about to undergo, for the words of a stop. */
    enum Verb {
        APPLY,
        DELETE
    }

    /** The run was stopped before this object was written or deleted. */
    record Interrupted(Verb verb) implements OutcomeReason {
        public Code code() {
            return Code.INTERRUPTED;
        }
    }

    /** Not owned by fleetsync: skipped, {@code --adopt} would take it over. */
    record NotOwned() implements OutcomeReason {
        public Code code() {
            return Code.NOT_OWNED;
        }
    }

    /** The immutable {@code paths} changed and {@code --force-replace} was not given. */
    record ImmutableField(List<String> paths) implements OutcomeReason {
        public ImmutableField {
            paths = List.copyOf(paths);
        }

        public Code code() {
            return Code.IMMUTABLE_FIELD;
        }
    }

    /** Other managers hold fields at other values ({@code path: server message}); no {@code --force-conflicts}. */
    record FieldConflicts(List<String> conflicts) implements OutcomeReason {
        public FieldConflicts {
            conflicts = List.copyOf(conflicts);
        }

        public Code code() {
            return Code.FIELD_CONFLICTS;
        }
    }

    /** Its CRD is not served yet (in a dry run it was never created), so the custom resource is not written. */
    record CrdNotEstablished(boolean dryRun) implements OutcomeReason {
        public Code code() {
            return Code.CRD_NOT_ESTABLISHED;
        }
    }

    /** A dry run: its namespace is created by this run, so the server cannot dry-run objects in it yet. */
    record NamespaceCreatedByRun(String namespace) implements OutcomeReason {
        public Code code() {
            return Code.NAMESPACE_CREATED_BY_RUN;
        }
    }

    /** The delete's uid precondition failed: the object was replaced since it was planned. */
    record ChangedIdentity() implements OutcomeReason {
        public Code code() {
            return Code.CHANGED_IDENTITY;
        }
    }

    /** A replace deleted the object, but it was still there after {@code waited} (finalizers?): not recreated. */
    record StillPresentAfterDelete(Duration waited) implements OutcomeReason {
        public Code code() {
            return Code.STILL_PRESENT_AFTER_DELETE;
        }
    }

    /** Reading the object (or its namespace) while waiting for its deletion failed with {@code message}. */
    record DeletionWaitFailed(String message) implements OutcomeReason {
        public Code code() {
            return Code.DELETION_WAIT_FAILED;
        }
    }

    /** Still being deleted after {@code --wait-for-deletion} waited {@code waited}. */
    record StillDeleting(Duration waited) implements OutcomeReason {
        public Code code() {
            return Code.STILL_DELETING;
        }
    }

    /** The cluster stopped in {@code phase} (its label) because of {@code cause} before reaching this object. */
    record NotAttempted(String phase, String cause) implements OutcomeReason {
        public Code code() {
            return Code.NOT_ATTEMPTED;
        }
    }

    /** A message already in words: the API server's answer, scrubbed of Secret values. */
    record Message(String text) implements OutcomeReason {
        public Code code() {
            return Code.MESSAGE;
        }
    }

    /** {@code text} as a reason, or null for none. */
    static OutcomeReason message(String text) {
        return text == null ? null : new Message(text);
    }
}
