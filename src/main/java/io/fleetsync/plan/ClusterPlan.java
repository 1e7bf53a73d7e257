package io.fleetsync.plan;

import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.manifest.SkippedObject;
import java.util.List;

/**
 * The changes planned for one cluster, in apply order (deletes last).
 *
 * @param warnings things the user must know that are not errors, e.g. why pruning was skipped
 * @param orphans ApplySets of this fleet whose target is no longer in the fleet file
 * @param skipped rendered objects apply leaves out (Helm hooks): a plan shows what apply will not do
 */
public record ClusterPlan(String cluster, List<Change> changes, List<PlanWarning> warnings, List<OrphanedSet> orphans,
                          List<SkippedObject> skipped) {
    public ClusterPlan {
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        orphans = List.copyOf(orphans);
        skipped = List.copyOf(skipped);
    }

    public ClusterPlan(String cluster, List<Change> changes, List<PlanWarning> warnings, List<OrphanedSet> orphans) {
        this(cluster, changes, warnings, orphans, List.of());
    }

    public ClusterPlan(String cluster, List<Change> changes, List<PlanWarning> warnings) {
        this(cluster, changes, warnings, List.of());
    }

    /** The same plan with other changes (e.g. the restarts apply added), keeping warnings, orphans, skipped. */
    public ClusterPlan withChanges(List<Change> other) {
        return new ClusterPlan(cluster, other, warnings, orphans, skipped);
    }

    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    /** Whether apply would change something: a delete a guard holds back is shown but is not a pending change. */
    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action().isChange() && !c.isHeldBackDelete());
    }
}
