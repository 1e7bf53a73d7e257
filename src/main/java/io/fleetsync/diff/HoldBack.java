package io.fleetsync.diff;

/**
 * Why apply will not carry out a planned change as it stands, found while planning (or, for a delete, re-checked
 * right before it): a guard that holds a delete back, or a deletion in progress that blocks a write.
 *
 * @param count how many objects the guard found (for {@link Reason#MAX_DELETIONS}: the cluster's deletes); 0 when
 *     not a count
 * @param example one object the guard found, as {@code Kind/namespace/name}, or the detail that explains it (the
 *     deletion timestamp, the namespace, the list that failed); null when there is none
 */
public record HoldBack(Reason reason, long count, String example) {

    /** The guards. Renderers turn these into words; JSON carries {@link #code()}. */
    public enum Reason {
        /** Deleting the namespace would delete objects this run does not prune. */
        NAMESPACE_NOT_EMPTY,
        /** Deleting the CRD would delete custom resources this run does not prune. */
        CRD_HAS_FOREIGN_RESOURCES,
        /** What a cascading delete would take with it could not be listed: unknown is not empty. */
        CONTENTS_UNKNOWN,
        /** The cluster's deletes exceed {@code --max-deletions}. */
        MAX_DELETIONS,
        /** The target renders no objects and {@code --allow-empty} was not given. */
        EMPTY_TARGET,
        /** A list failed on this cluster, so what exists is not fully known. */
        INVENTORY_INCOMPLETE,
        /** {@code default}, {@code kube-system}, {@code kube-public} and {@code kube-node-lease} are never pruned. */
        SYSTEM_NAMESPACE,
        /** The desired object is being deleted ({@code metadata.deletionTimestamp} set): it must be recreated. */
        TERMINATING,
        /** The object's namespace is being deleted: the API server refuses to create anything in it. */
        NAMESPACE_TERMINATING;

        /** Stable lower-case, dash-separated code used in JSON. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /**
         * True for a deletion in progress that blocks a desired write: apply fails the object (the user asked for
         * it to exist) unless told to wait. False for a guard that holds a delete back, which is not an error.
         */
        public boolean blocksWrite() {
            return this == TERMINATING || this == NAMESPACE_TERMINATING;
        }
    }

    public static HoldBack of(Reason reason) {
        return new HoldBack(reason, 0, null);
    }
}
