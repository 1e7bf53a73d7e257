package io.fleetsync.report;

import io.fleetsync.diff.Action;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The columns of the per-cluster summary table, in order; text and Markdown each write headings and cells. */
enum SummaryColumn {
    CLUSTER(null),
    STATUS(null),
    CREATE(Action.CREATE),
    UPDATE(Action.UPDATE),
    REPLACE(Action.REPLACE),
    DELETE(Action.DELETE),
    ADOPT_NEEDED(Action.ADOPT_NEEDED),
    UNCHANGED(Action.UNCHANGED),
    ERRORS(null),
    DURATION(null);

    /** The actions that have a column, in column order; the totals line counts the same ones in the same order. */
    static final List<Action> ACTIONS = Arrays.stream(values()).filter(c -> c.action != null)
            .map(c -> c.action).toList();

    private final Action action;

    SummaryColumn(Action action) {
        this.action = action;
    }

    /** The heading in lower case: an action's own label ({@code adopt-needed}), otherwise the column's name. */
    String label() {
        return action != null ? action.label() : name().toLowerCase(Locale.ROOT);
    }

    /** Numbers and durations are right-aligned; names and statuses left-aligned. */
    boolean numeric() {
        return this != CLUSTER && this != STATUS;
    }

    /** The action this column counts, or null for the cluster, status, errors and duration columns. */
    Action action() {
        return action;
    }
}
