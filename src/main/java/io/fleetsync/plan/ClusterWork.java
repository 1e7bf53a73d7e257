package io.fleetsync.plan;

import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.cluster.Discovery;
import java.util.List;

/**
 * A cluster's plan together with what applying it needs.
 *
 * @param problems what could not be planned (kind not served, a failed list or dry run); they make the cluster
 *     partial
 * @param inventoryComplete false when a list failed: then nothing may be pruned and parents keep their old scope
 * @param deletesHeldBack every planned delete is held back (a failed list, or {@code --max-deletions}); each
 *     delete's {@code change().heldBack()} says why
 * @param retiredParents parents of departed or orphaned sets to delete once the run is clean
 */
public record ClusterWork(ClusterPlan plan, List<PlannedObject> objects, List<TargetSet> sets,
                          List<PlanProblem> problems, Discovery discovery, boolean inventoryComplete,
                          boolean deletesHeldBack, List<RetiredParent> retiredParents) {
    public ClusterWork {
        objects = List.copyOf(objects);
        sets = List.copyOf(sets);
        problems = List.copyOf(problems);
        retiredParents = List.copyOf(retiredParents);
    }

    public ClusterWork(ClusterPlan plan, List<PlannedObject> objects, List<TargetSet> sets,
                       List<PlanProblem> problems, Discovery discovery, boolean inventoryComplete,
                       boolean deletesHeldBack) {
        this(plan, objects, sets, problems, discovery, inventoryComplete, deletesHeldBack, List.of());
    }
}
