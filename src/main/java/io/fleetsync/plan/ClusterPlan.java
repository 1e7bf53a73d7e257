package io.fleetsync.plan;

import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import java.util.List;

/**
 * The changes planned for one cluster, in apply order (deletes last).
 *
 * @param warnings things the user must know that are not errors, e.g. why pruning was skipped
 * @param orphans ApplySets of this fleet whose target is no longer in the fleet file
 */
public record ClusterPlan(String cluster, List<Change> changes, List<PlanWarning> warnings, List<OrphanedSet> orphans) {
    public ClusterPlan {
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        orphans = List.copyOf(orphans);
    }

    public ClusterPlan(String cluster, List<Change> changes, List<PlanWarning> warnings) {
        this(cluster, changes, warnings, List.of());
    }

    /** The same plan with other changes (e.g. the restarts apply added), keeping warnings and orphans. */
    public ClusterPlan withChanges(List<Change> other) {
        return new ClusterPlan(cluster, other, warnings, orphans);
    }

    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    /** Whether apply would change something: a delete a guard holds back is shown but is not a pending change. */
    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action().isChange() && !c.isHeldBackDelete());
    }
}
