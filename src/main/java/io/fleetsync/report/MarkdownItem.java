package io.fleetsync.report;

import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One change as a Markdown report shows it, still as plain text: equal items mean equal output, which is what
 * grouping clusters compares.
 *
 * @param line the change's one-line form ({@link ChangeLine#describe})
 * @param outcome what apply did with it, or null in a plan
 * @param outcomeError why it failed or was skipped, or null
 * @param diff the masked diff, or null when diffs were not asked for or there is none
 * @param heldBack a guard holds the change back or blocks it: a cut list still shows it
 */
record MarkdownItem(Action action, String line, ObjectOutcome.Status outcome, String outcomeError,
                    List<String> conflicts, String diff, boolean heldBack) {

    MarkdownItem {
        conflicts = List.copyOf(conflicts);
        if (diff != null && diff.isBlank()) diff = null;
    }

    static MarkdownItem of(Change change, ObjectOutcome outcome, boolean diffs) {
        return new MarkdownItem(change.action(), ChangeLine.describe(change),
                outcome == null ? null : outcome.status(),
                outcome == null ? null : HoldBackText.outcomeReason(outcome, change),
                change.conflicts(), diffs ? change.diff() : null, change.heldBack() != null);
    }

    /** The same item with every text passed through {@code text} (used to put the cluster name placeholder in). */
    MarkdownItem map(UnaryOperator<String> text) {
        return new MarkdownItem(action, text.apply(line), outcome,
                outcomeError == null ? null : text.apply(outcomeError),
                conflicts.stream().map(text).toList(), diff == null ? null : text.apply(diff), heldBack);
    }
}
