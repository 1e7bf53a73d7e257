package io.fleetsync.plan;

import io.fleetsync.resource.ObjectView;
import io.fleetsync.cluster.ApiResource;
import io.fleetsync.diff.Change;
import java.util.Map;

/**
 * A planned change with what apply needs to carry it out.
 *
 * @param resource where the object lives (for a custom resource whose CRD this run creates: derived from the CRD)
 * @param applyBody the object as fleetsync applies it (with the ApplySet member label); null for deletes
 * @param live the object as listed, or null when it does not exist
 * @param force apply with {@code force=true}: drift by another manager's Update is reverted, or conflicts were forced
 */
public record PlannedObject(Change change, ApiResource resource, Map<String, Object> applyBody,
                            Map<String, Object> live, boolean force) {

    /** The same object with another planned change (a guard's hold-back added). */
    public PlannedObject withChange(Change other) {
        return new PlannedObject(other, resource, applyBody, live, force);
    }

    public String liveUid() {
        return live == null ? null : ObjectView.of(live).uid();
    }
}
