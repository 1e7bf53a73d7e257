package io.fleetsync.report;

import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.diff.Change;
import io.fleetsync.diff.HoldBack;

/** The words for a {@link HoldBack}, shared by text, Markdown and JSON, e.g. {@code held back: 3 Widget objects …}. */
public final class HoldBackText {

    private HoldBackText() {
    }

    /** {@code held back: …} for a delete, {@code blocked: …} for a write a deletion in progress stands in the way of. */
    public static String describe(Change change, HoldBack h) {
        var label = h.reason().blocksWrite() ? "blocked: " : "held back: ";
        return label + reason(change, h);
    }

    /**
     * The words an apply outcome is shown with: its own error, else the hold-back it carries, else null — also null
     * for a delete held back exactly as {@code planned} already says (the change line shows it once).
     */
    public static String outcomeReason(ObjectOutcome outcome, Change planned) {
        if (outcome.reason() != null) {
            return ReasonText.outcome(outcome.reason());
        }
        var h = outcome.change().heldBack();
        if (h == null || (!h.reason().blocksWrite() && h.equals(planned.heldBack()))) {
            return null;
        }
        if (h.reason().blocksWrite()) {
            return "not written: " + reason(outcome.change(), h)
                    + " (apply --wait-for-deletion waits until the deletion completes, then creates it)";
        }
        return describe(outcome.change(), h);
    }

    private static String reason(Change change, HoldBack h) {
        var key = change.key();
        return switch (h.reason()) {
            case NAMESPACE_NOT_EMPTY -> "namespace " + key.name() + " holds " + objects(h.count(), "object")
                    + " fleetsync does not own or still applies, e.g. " + h.example();
            case CRD_HAS_FOREIGN_RESOURCES -> objects(h.count(), kindOf(h.example()) + " object")
                    + " fleetsync does not own or still applies, e.g. " + h.example();
            case CONTENTS_UNKNOWN -> "what the delete would take with it is unknown (" + h.example() + ")";
            case MAX_DELETIONS -> h.count() + " deletions on this cluster exceed --max-deletions";
            case EMPTY_TARGET -> "target " + change.target() + " renders no objects (--allow-empty to prune)";
            case INVENTORY_INCOMPLETE -> "a list failed on this cluster, so what exists is unknown";
            case SYSTEM_NAMESPACE -> "system namespace " + key.name() + " is never pruned";
            case TERMINATING -> "it is being deleted (since " + h.example() + "); it is created again once it is gone";
            case NAMESPACE_TERMINATING -> "namespace " + h.example() + " is being deleted";
        };
    }

    private static String objects(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code Widget} of {@code Widget.example.com/team-a/w1}. */
    private static String kindOf(String subject) {
        if (subject == null) {
            return "custom";
        }
        int end = subject.indexOf('/');
        var kind = end < 0 ? subject : subject.substring(0, end);
        int dot = kind.indexOf('.');
        return dot < 0 ? kind : kind.substring(0, dot);
    }
}
