package io.fleetsync.apply;

import io.fleetsync.resource.ObjectView;
import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.cluster.ApiException;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.ManagedFields;
import io.fleetsync.plan.PlannedObject;
import io.fleetsync.resource.ApplySet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * After fleetsync adopts an object, takes the fields it now applies away from the tools that managed the object
 * before it (kubectl, Helm, Argo CD, a hand-made {@code create}), so that a field later removed from the manifests
 * is removed from the object instead of staying behind under a co-owner.
 *
 * <p>A managedFields rewrite rather than a second forced apply, because force only moves fields whose values
 * conflict; fields both tools set to the same value stay co-owned. The patch carries the applied object's
 * resourceVersion, so it is refused (and changes nothing) if anyone wrote in between. It changes no field of the
 * object, only who owns which.
 */
final class CoOwnerRelease {
    private static final int ATTEMPTS = 3;
    private final ObjectStore api;

    CoOwnerRelease(ObjectStore api) {
        this.api = api;
    }

    /** An adoption: the object existed and was not a member of this target's ApplySet when planned. */
    static boolean adopts(PlannedObject p) {
        if (p.live() == null || p.applyBody() == null || p.change().action() != Action.UPDATE) {
            return false;
        }
        return !Objects.equals(partOf(p.live()), partOf(p.applyBody()));
    }

    /** Rewrites the managedFields of {@code applied} (the apply's response) when another manager co-owns fields. */
    void release(String path, Map<String, Object> applied) {
        var object = applied;
        for (int attempt = 1; ; attempt++) {
            var released = ManagedFields.releasedTo(object, ObjectStore.FIELD_MANAGER);
            if (released.isEmpty()) {
                return;
            }
            var meta = new LinkedHashMap<String, Object>();
            meta.put("resourceVersion", ObjectView.of(object).resourceVersion());
            meta.put("managedFields", released.get());
            try {
                api.mergePatch(path, Map.of("metadata", meta), ObjectStore.FIELD_MANAGER);
                return;
            } catch (ApiException e) {
                // Someone wrote in between (a controller's status, an annotation): read again and recompute.
                if (!e.isConflict() || attempt == ATTEMPTS) {
                    throw e;
                }
                object = api.get(path);
                if (object == null) {
                    return;
                }
            }
        }
    }

    private static String partOf(Map<String, Object> object) {
        return ObjectView.of(object).label(ApplySet.LABEL_PART_OF);
    }
}
