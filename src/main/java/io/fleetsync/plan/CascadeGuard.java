package io.fleetsync.plan;

import io.fleetsync.resource.ObjectView;
import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.cluster.ApiFailure;
import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.Discovery;
import io.fleetsync.diff.HoldBack;
import io.fleetsync.resource.ApplyOrder;
import io.fleetsync.resource.ResourceKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deletes that delete more than themselves: a Namespace takes everything in it, a CustomResourceDefinition every
 * object of its kind. Before such a delete — while planning, and again right before apply sends it — this lists
 * what it would take with it, and holds the delete back when that includes anything the same plan does not prune
 * (not fleetsync's, another target's, or still desired). Unknown is not empty: a list that fails holds it back too.
 * Other cascades (owner-reference garbage collection, APIService) are a documented boundary: docs/architecture.md.
 */
public final class CascadeGuard {
    private final ObjectStore api;
    private final Discovery discovery;

    public CascadeGuard(ObjectStore api, Discovery discovery) {
        this.api = api;
        this.discovery = discovery;
    }

    /** The plan's deletes, each cascading one that is not held back yet checked against the cluster. */
    List<PlannedObject> guard(List<PlannedObject> deletes, PruneScope scope) {
        var out = new ArrayList<PlannedObject>();
        for (var d : deletes) {
            var why = d.change().heldBack() == null ? check(d, scope) : Optional.<HoldBack>empty();
            out.add(why.map(w -> d.withChange(d.change().withHeldBack(w))).orElse(d));
        }
        return out;
    }

    /** Why {@code delete} must not run, or empty when it takes nothing with it that {@code scope} keeps. */
    public Optional<HoldBack> check(PlannedObject delete, PruneScope scope) {
        var key = delete.change().key();
        if (ApplyOrder.isNamespace(key.groupKind())) {
            return namespace(key.name(), scope);
        }
        if (ApplyOrder.isCrd(key.groupKind()) && delete.live() != null) {
            return crd(key, delete.live(), scope);
        }
        return Optional.empty();
    }

    private Optional<HoldBack> namespace(String namespace, PruneScope scope) {
        var found = keptWhere(scope, k -> namespace.equals(k.namespace()));
        for (var type : discovery.namespacedResources()) {
            if (CascadeRules.SYSTEM_KINDS.contains(type.kind())) {
                continue;
            }
            // No label selector: objects of this very target that are not pruned (still desired, or moving to a
            // target left out by --target) would go with the namespace too.
            var items = list(type.collectionPath(namespace));
            if (items.isEmpty()) {
                return Optional.of(new HoldBack(HoldBack.Reason.CONTENTS_UNKNOWN, 0,
                        type.kind() + " in namespace " + namespace + " could not be listed"));
            }
            for (var item : items.get()) {
                if (!CascadeRules.madeByCluster(type.kind(), item)) {
                    found.add(keyOf(type.group(), type.kind(), item));
                }
            }
        }
        return CascadeRules.verdict(HoldBack.Reason.NAMESPACE_NOT_EMPTY, found, scope);
    }

    private Optional<HoldBack> crd(ResourceKey key, Map<String, Object> live, PruneScope scope) {
        var where = CascadeRules.crdObjects(live);
        if (where.isEmpty()) {
            return Optional.of(new HoldBack(HoldBack.Reason.CONTENTS_UNKNOWN, 0,
                    key.name() + " serves no version, so its objects cannot be listed"));
        }
        var c = where.get();
        var found = keptWhere(scope, k -> k.group().equals(c.group()) && k.kind().equals(c.kind()));
        // Every namespace, every owner: a CRD's delete takes all of them.
        var items = list(c.collectionPath());
        if (items.isEmpty()) {
            return Optional.of(new HoldBack(HoldBack.Reason.CONTENTS_UNKNOWN, 0,
                    c.kind() + " objects could not be listed"));
        }
        items.get().forEach(item -> found.add(keyOf(c.group(), c.kind(), item)));
        return CascadeRules.verdict(HoldBack.Reason.CRD_HAS_FOREIGN_RESOURCES, found, scope);
    }

    private static Set<ResourceKey> keptWhere(PruneScope scope, java.util.function.Predicate<ResourceKey> where) {
        var out = new HashSet<ResourceKey>();
        scope.kept().stream().filter(where).forEach(out::add);
        return out;
    }

    /** The items, an empty list for a type that cannot be listed (it holds nothing), or empty when the list failed. */
    private Optional<List<Map<String, Object>>> list(String path) {
        try {
            return Optional.of(api.list(path, null));
        } catch (ApiException e) {
            if (e.kind() == ApiFailure.INTERRUPTED) {
                throw e;
            }
            if (e.code() == 404 || e.code() == 405) {
                return Optional.of(List.of());
            }
            return Optional.empty();
        }
    }

    private static ResourceKey keyOf(String group, String kind, Map<String, Object> item) {
        return ObjectView.of(item).keyAs(group, kind);
    }
}
