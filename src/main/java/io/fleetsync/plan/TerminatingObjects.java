package io.fleetsync.plan;

import io.fleetsync.resource.ObjectView;
import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.cluster.ApiFailure;
import io.fleetsync.cluster.ApiException;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.diff.HoldBack;
import io.fleetsync.resource.ApplyOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Objects being deleted (a {@code metadata.deletionTimestamp} is set; finalizers may keep them for ever). A desired
 * object that is terminating is not unchanged: it is going away and must be created again. A write into a
 * terminating namespace is refused by the API server ("because it is being terminated"). Both are planned as
 * {@code create} carrying a {@link HoldBack} that blocks the write, so the plan says what apply will meet.
 */
final class TerminatingObjects {

    /**
     * The planned objects with terminating ones marked. The state of a namespace comes from the plan when the
     * Namespace is desired (its live object is known), else from one GET — only for namespaces something is created
     * in, so an unchanged plan sends no extra request.
     */
    List<PlannedObject> mark(List<PlannedObject> objects, ObjectStore api) {
        var namespaces = new HashMap<String, String>();
        for (var p : objects) {
            if (ApplyOrder.isNamespace(p.change().key().groupKind())) {
                namespaces.put(p.change().key().name(), deletionTimestamp(p.live()).orElse(null));
            }
        }
        var unknown = new TreeSet<String>();
        objects.stream().filter(p -> p.change().action() == Action.CREATE && p.change().key().namespaced())
                .map(p -> p.change().key().namespace()).filter(ns -> !namespaces.containsKey(ns))
                .forEach(unknown::add);
        for (var ns : unknown) {
            namespaces.put(ns, deletionTimestamp(getNamespace(api, ns)).orElse(null));
        }
        var out = new ArrayList<PlannedObject>(objects.size());
        for (var p : objects) {
            out.add(marked(p, namespaces));
        }
        return out;
    }

    /** Pure: {@code p} as apply will meet it, given each namespace's deletion timestamp (null when not terminating). */
    static PlannedObject marked(PlannedObject p, Map<String, String> namespaceDeletions) {
        var c = p.change();
        if (c.action() == Action.DELETE || c.action() == Action.ADOPT_NEEDED) {
            return p;
        }
        var own = deletionTimestamp(p.live());
        if (own.isPresent()) {
            return p.withChange(recreate(c, new HoldBack(HoldBack.Reason.TERMINATING, 0, own.get())));
        }
        var ns = c.key().namespace();
        if (c.key().namespaced() && namespaceDeletions.get(ns) != null) {
            return p.withChange(recreate(c, new HoldBack(HoldBack.Reason.NAMESPACE_TERMINATING, 0, ns)));
        }
        return p;
    }

    /**
     * Once the deletion completes the object must be created: the action says so, whatever the dry run found
     * (server-side apply creates and updates alike, so apply sends the same request either way).
     */
    private static Change recreate(Change c, HoldBack why) {
        return new Change(c.key(), c.target(), Action.CREATE, List.of(), List.of(), c.diff(), c.note(), null, why);
    }

    static Optional<String> deletionTimestamp(Map<String, Object> live) {
        return live == null ? Optional.empty() : ObjectView.of(live).deletionTimestamp();
    }

    private static Map<String, Object> getNamespace(ObjectStore api, String ns) {
        try {
            return api.get("/api/v1/namespaces/" + ns);
        } catch (ApiException e) {
            if (e.kind() == ApiFailure.INTERRUPTED) {
                throw e;
            }
            // Not allowed to read it: the create's own error will say more than a guess would.
            return null;
        }
    }
}
