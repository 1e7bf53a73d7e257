package io.fleetsync.plan;

import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ApplyMode;
import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.diff.ManagedFields;
import java.util.Map;

/**
 * Decides what happens to one desired object. Cheap first: when the fields fleetsync owns on the live object
 * already equal the manifest, the object is unchanged without any request. Otherwise the server computes the result
 * of the apply as a dry run, and only a difference in that result is a change — so server defaults, normalisation
 * and fields other managers own never show up as changes. The decisions are {@link ObjectDecisions}' (pure); this
 * class only sends the requests between them.
 */
final class ObjectPlanner {
    private final ObjectStore api;
    private final ObjectDecisions decisions;

    ObjectPlanner(ObjectStore api, ManagedFields managedFields, PlanOptions options, ObjectDiffer differ) {
        this.api = api;
        this.decisions = new ObjectDecisions(managedFields, options, differ);
    }

    PlannedObject plan(ObjectFacts facts) {
        var early = decisions.withoutDryRun(facts);
        if (early.isPresent()) {
            return early.get();
        }
        var path = facts.path();
        Map<String, Object> result;
        ObjectDecisions.Refusal.RetryForced forced = null;
        try {
            result = api.apply(path, facts.applyBody(), ApplyMode.DRY_RUN);
        } catch (ApiException e) {
            switch (decisions.onRefusal(facts, e)) {
                case ObjectDecisions.Refusal.Decided d -> {
                    return d.planned();
                }
                case ObjectDecisions.Refusal.RetryForced retry -> {
                    forced = retry;
                    result = api.apply(path, retry.body(), ApplyMode.DRY_RUN.forced());
                }
            }
        }
        var live = facts.live();
        if (facts.liveInOtherVersion()) {
            // Listed in the server's preferred version: compare like with like, or every field renamed between
            // versions would look changed.
            var same = api.get(path);
            live = same != null ? same : live;
        }
        return decisions.fromResult(facts, result, live, forced);
    }
}
