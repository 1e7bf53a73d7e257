package io.fleetsync.plan;

import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.cluster.ApiException;
import io.fleetsync.manifest.ClusterState;
import io.fleetsync.resource.ApplySet;
import io.fleetsync.resource.GroupKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists a cluster's ApplySet parents — one request: the ConfigMaps of {@code kube-system} that carry the id label —
 * so the sets of departed and removed targets are found without one GET per target.
 */
final class FleetParents {

    /**
     * The listed parents: empty list when the state needs none (no departure possible, orphans out of scope);
     * empty optional when the list failed, which is recorded in failures (then nothing may be pruned: unknown is
     * not absent).
     */
    Optional<List<Map<String, Object>>> list(ClusterState state, ObjectStore api, List<PlanProblem> failures) {
        if (!state.membership().needsParentList()) {
            return Optional.of(List.of());
        }
        try {
            return Optional.of(api.list(ApplySet.parentCollectionPath(), ApplySet.LABEL_ID));
        } catch (ApiException e) {
            failures.add(new PlanProblem.ListFailed(new GroupKind("", "ConfigMap"), ApplySet.PARENT_NAMESPACE,
                    "listing ApplySet parents in " + ApplySet.PARENT_NAMESPACE + " failed: " + e.getMessage()));
            return Optional.empty();
        }
    }
}
