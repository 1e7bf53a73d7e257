package io.fleetsync.report;

import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;

/** The plain one-line form of a change, shared by text and Markdown: {@code ~ update ConfigMap/demo/cfg (data.key)}. */
final class ChangeLine {

    private ChangeLine() {
    }

    static String symbol(Action action) {
        return switch (action) {
            case CREATE -> "+";
            case UPDATE -> "~";
            case DELETE -> "-";
            case REPLACE -> "!";
            case ADOPT_NEEDED -> "?";
            case UNCHANGED -> "=";
        };
    }

    /** {@code <action> <subject>} followed by the evidence that matters for that action. */
    static String describe(Change change) {
        var line = new StringBuilder(change.action().label()).append(' ').append(change.key().subject());
        var paths = String.join(", ", change.changedPaths());
        switch (change.action()) {
            case UPDATE -> {
                if (!paths.isEmpty()) line.append(" (").append(paths).append(')');
                appendNote(line, ReasonText.note(change.note()), " — ");
            }
            case REPLACE -> {
                if (!paths.isEmpty()) line.append(" immutable: ").append(paths);
                appendNote(line, ReasonText.note(change.note()), " — ");
            }
            case ADOPT_NEEDED -> appendNote(line, ReasonText.note(change.note()), " (", ")");
            case DELETE -> {
                if (change.departure() != null) line.append(" (").append(departure(change)).append(')');
                appendNote(line, ReasonText.note(change.note()), " — ");
            }
            default -> appendNote(line, ReasonText.note(change.note()), " — ");
        }
        if (change.heldBack() != null) line.append("  ").append(HoldBackText.describe(change, change.heldBack()));
        return line.toString();
    }

    /** Why a whole set is being emptied, in words. */
    static String departure(Change change) {
        return switch (change.departure()) {
            case NO_LONGER_SELECTED -> "no longer selected by target " + change.target();
            case REMOVED_FROM_FLEET -> "target " + change.target() + " removed from the fleet file";
        };
    }

    private static void appendNote(StringBuilder line, String note, String before) {
        appendNote(line, note, before, "");
    }

    private static void appendNote(StringBuilder line, String note, String before, String after) {
        if (note != null && !note.isBlank()) line.append(before).append(note).append(after);
    }
}
