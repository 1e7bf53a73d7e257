package io.fleetsync.plan;

import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import java.util.List;

/**
 * The changes planned for one cluster, in apply order (deletes last).
 *
 * @param warnings things the user must know that are not errors, e.g. why pruning was skipped
 */
public record ClusterPlan(String cluster, List<Change> changes, List<String> warnings) {
    public ClusterPlan {
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    /** Whether apply would change something: a delete a guard holds back is shown but is not a pending change. */
    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action().isChange() && !c.isHeldBackDelete());
    }
}
