package io.fleetsync.diff;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One writer of an object's fields as server-side apply tells them apart: the manager name, whether it applies
 * (its own intent, e.g. another GitOps tool) or updates (an edit: {@code kubectl edit}, {@code scale}, a
 * controller), and the subresource it wrote through ({@code scale}, {@code status}), or null for the object itself.
 * {@code kubectl scale} is {@code kubectl / UPDATE / scale}; {@code kubectl apply --server-side} is
 * {@code kubectl / APPLY / null} — the same name, a different writer.
 */
public record FieldManager(String name, Operation operation, String subresource) {
    /** How the manager wrote its fields (managedFields {@code operation}). */
    public enum Operation {
        APPLY,
        UPDATE
    }

    /**
     * The server names a conflicting manager as {@code conflict with "kubectl" with subresource "scale" using
     * apps/v1}: the subresource part only for a subresource, the {@code using <apiVersion>} part only for an Update
     * (apiserver {@code fieldmanager/internal/conflict.go}, {@code printManager}).
     */
    private static final Pattern CONFLICT = Pattern.compile(
            "conflict with \"((?:[^\"\\\\]|\\\\.)+)\"(?: with subresource \"([^\"]+)\")?( using )?");

    /** The manager a 409 cause's message names, or empty when the message is not a field-manager conflict. */
    public static Optional<FieldManager> fromConflict(String message) {
        if (message == null) {
            return Optional.empty();
        }
        var m = CONFLICT.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new FieldManager(m.group(1).replace("\\\"", "\""),
                m.group(3) != null ? Operation.UPDATE : Operation.APPLY, m.group(2)));
    }

    /** An edit rather than another tool's intent: fleetsync reverts edits (drift) and reports appliers (conflicts). */
    public boolean edits() {
        return operation == Operation.UPDATE;
    }

    /** How a report names it: {@code kubectl-edit}, or {@code kubectl (scale)} for a subresource write. */
    public String label() {
        return subresource == null ? name : name + " (" + subresource + ")";
    }
}
