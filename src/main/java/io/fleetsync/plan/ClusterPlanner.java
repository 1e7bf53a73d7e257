package io.fleetsync.plan;

import io.fleetsync.resource.ObjectView;
import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ApiFailure;
import io.fleetsync.cluster.ApiResource;
import io.fleetsync.cluster.Discovery;
import io.fleetsync.cluster.DiscoveryMemo;
import io.fleetsync.cluster.DiscoveryReader;
import io.fleetsync.cluster.Fanout;
import io.fleetsync.diff.Change;
import io.fleetsync.diff.ManagedFields;
import io.fleetsync.diff.SecretMasking;
import io.fleetsync.fleet.Target;
import io.fleetsync.manifest.ClusterState;
import io.fleetsync.manifest.DesiredObject;
import io.fleetsync.resource.ApplyOrder;
import io.fleetsync.resource.ApplySet;
import io.fleetsync.resource.GroupKind;
import io.fleetsync.resource.ResourceKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Plans one cluster: discover what it serves, read each target's ApplySet parent, list the owned objects of every
 * (kind, namespace) the sets span — one request each, all targets at once — find which desired objects not among
 * them exist ({@link Presence}), decide each object's change, and choose what to prune.
 */
public final class ClusterPlanner {
    private final DiscoveryReader discoveryReader;
    private final ManagedFields managedFields = new ManagedFields();
    private final Fanout fanout;
    private final ObjectDiffer differ;

    public ClusterPlanner(Fanout fanout, ObjectDiffer differ) {
        this(fanout, differ, new DiscoveryMemo());
    }

    /** @param discoveries the run's discovery documents, shared by clusters that serve the same ones */
    public ClusterPlanner(Fanout fanout, ObjectDiffer differ, DiscoveryMemo discoveries) {
        this.fanout = fanout;
        this.differ = differ;
        this.discoveryReader = new DiscoveryReader(discoveries);
    }

    private record Resolved(DesiredObject desired, ApiResource resource, boolean served) {
    }

    private record ListScope(ApiResource resource, String namespace) {
    }

    /** Either a value or the error that kept it from being computed, so one object never fails its siblings. */
    private record Attempt<T>(T value, ResourceKey key, ApiException error) {
    }

    /** One list's items, or the problem that kept it from being read. */
    private record Listed(List<Map<String, Object>> items, PlanProblem.ListFailed problem) {
    }

    public ClusterWork plan(ClusterState state, ObjectStore api, PlanOptions options, Consumer<ClusterPhase> phase) {
        phase.accept(ClusterPhase.DISCOVER);
        var discovery = discoveryReader.read(api);
        var failures = new ArrayList<PlanProblem>();
        var resolved = resolve(state, discovery, failures);

        phase.accept(ClusterPhase.LIST);
        var placedSets = readParents(state, resolved, api);
        // Sets of targets that left this cluster or the fleet file (DeparturePlanner) join pruning like any set.
        DeparturePlanner.collision(placedSets, state.membership().fleet()).ifPresent(message -> {
            throw new ApiException(0, ApiFailure.REJECTED, "FleetCollision", message, List.of(), null, null);
        });
        var parents = new FleetParents().list(state, api, failures);
        var leaving = parents.map(p -> new DeparturePlanner().plan(state, p, options))
                .orElse(DeparturePlanner.Departures.none());
        var sets = java.util.stream.Stream.concat(placedSets.stream(), leaving.sets().stream()).toList();
        var setTargets = sets.stream().collect(Collectors.toMap(s -> s.set().id(), s -> s.set().target()));
        var owned = new LinkedHashMap<ResourceKey, OwnedObject>();
        // List each kind in the version the manifests use, so owned fields compare without version skew.
        var listVersion = new HashMap<GroupKind, ApiResource>();
        resolved.stream().filter(Resolved::served).forEach(r -> listVersion.putIfAbsent(r.resource().groupKind(),
                r.resource()));
        boolean inventoryComplete = listOwned(sets, discovery, listVersion, api, owned, failures)
                && parents.isPresent();
        var presence = Presence.find(resolved.stream().filter(r -> r.served() && !owned.containsKey(r.desired().key()))
                .map(r -> new Presence.Lookup(r.desired().key(), r.resource())).toList(), api, fanout);

        phase.accept(ClusterPhase.DIFF);
        var objectPlanner = new ObjectPlanner(api, managedFields, options, differ);
        var attempts = fanout.map(resolved, r -> planObject(r, sets, setTargets, owned, presence, api,
                objectPlanner));
        var objects = new ArrayList<PlannedObject>();
        for (var a : attempts) {
            if (a.error() != null) {
                failures.add(new PlanProblem.ObjectFailed(a.key(),
                        "could not plan " + a.key().subject() + ": " + a.error().getMessage()));
            } else {
                objects.add(a.value());
            }
        }

        var targets = new HashMap<String, Target>(leaving.targets());
        state.targets().forEach(t -> targets.put(t.target().name(), t.target()));
        var desiredByTarget = new HashMap<String, Set<ResourceKey>>();
        var allDesired = new HashSet<ResourceKey>();
        for (var ts : state.targets()) {
            var keys = ts.objects().stream().map(DesiredObject::key).collect(Collectors.toSet());
            desiredByTarget.put(ts.target().name(), keys);
            allDesired.addAll(keys);
        }
        allDesired.addAll(state.renderedByOtherTargets());
        var prune = new PrunePlanner().plan(sets, targets, owned.values(), desiredByTarget, allDesired,
                inventoryComplete, options, differ);
        objects = new ArrayList<>(new TerminatingObjects().mark(objects, api));
        var guardedDeletes = guardCascades(objects, prune.deletes(), api, discovery);
        objects.sort(Comparator.comparingInt((PlannedObject p) -> ApplyOrder.stage(p.change().key()))
                .thenComparing(p -> p.change().key()));
        var deletes = new ArrayList<>(guardedDeletes);
        deletes.sort(Comparator.comparingInt((PlannedObject p) -> -ApplyOrder.stage(p.change().key()))
                .thenComparing(p -> p.change().key()));
        objects.addAll(deletes);
        var warnings = new ArrayList<>(leaving.warnings());
        warnings.addAll(prune.warnings());
        var plan = new ClusterPlan(state.cluster().name(), objects.stream().map(PlannedObject::change).toList(),
                warnings, leaving.orphans(), state.skipped());
        return new ClusterWork(plan, objects, sets, failures, discovery, inventoryComplete, prune.heldBack(),
                leaving.retired(owned.values(), prune.deletes(), prune.heldBack(), inventoryComplete));
    }

    /** Holds back deletes of namespaces and CRDs that would take objects this plan does not prune with them. */
    private static List<PlannedObject> guardCascades(List<PlannedObject> objects, List<PlannedObject> deletes,
                                                     ObjectStore api, Discovery discovery) {
        var all = new ArrayList<>(objects);
        all.addAll(deletes);
        return new CascadeGuard(api, discovery).guard(deletes, PruneScope.of(all));
    }

    /** Finds each desired object's endpoint; kinds of CRDs this run creates are derived from the CRD. */
    private List<Resolved> resolve(ClusterState state, Discovery discovery, List<PlanProblem> failures) {
        var fromCrds = new CrdResources(state);
        var out = new ArrayList<Resolved>();
        for (var ts : state.targets()) {
            for (var d : ts.objects()) {
                var served = discovery.find(d.apiVersion(), d.key().kind());
                if (served.isPresent()) {
                    out.add(new Resolved(d, served.get(), true));
                } else {
                    var pending = fromCrds.find(d.apiVersion(), d.key().kind());
                    if (pending.isPresent()) {
                        out.add(new Resolved(d, pending.get(), false));
                    } else {
                        failures.add(new PlanProblem.UnservedKind(d.key(), d.target(), d.apiVersion(),
                                d.source()));
                    }
                }
            }
        }
        return out;
    }

    private List<TargetSet> readParents(ClusterState state, List<Resolved> resolved, ObjectStore api) {
        var parents = fanout.map(state.targets(), ts -> {
            var set = ApplySet.forTarget(ts.target().name(), state.membership().fleet().name(),
                    state.cluster().name());
            return new TargetSet(set, ParentRecord.read(api.get(set.parentPath())), ParentRecord.none());
        });
        var out = new ArrayList<TargetSet>();
        for (var ts : parents) {
            var kinds = new TreeSet<GroupKind>();
            var namespaces = new TreeSet<String>();
            for (var r : resolved) {
                if (r.desired().target().equals(ts.set().target())) {
                    kinds.add(r.desired().key().groupKind());
                    if (r.desired().key().namespaced()) {
                        namespaces.add(r.desired().key().namespace());
                    }
                }
            }
            out.add(new TargetSet(ts.set(), ts.previous(), new ParentRecord(kinds, namespaces, true)));
        }
        return out;
    }

    /** Lists every owned object; returns false when any list failed (then what exists is not fully known). */
    private boolean listOwned(List<TargetSet> sets, Discovery discovery, Map<GroupKind, ApiResource> listVersion,
                              ObjectStore api,
                              Map<ResourceKey, OwnedObject> owned, List<PlanProblem> failures) {
        var scopes = new LinkedHashMap<ApiResource, Set<String>>();
        for (var ts : sets) {
            var span = ts.previous().union(ts.desired().groupKinds(), ts.desired().namespaces());
            for (var gk : span.groupKinds()) {
                var resource = java.util.Optional.ofNullable(listVersion.get(gk)).or(() -> discovery.preferred(gk));
                if (resource.isEmpty()) {
                    continue; // not served (yet): nothing of that kind can exist
                }
                var ns = scopes.computeIfAbsent(resource.get(), r -> new TreeSet<>());
                if (resource.get().namespaced()) {
                    ns.addAll(span.namespaces());
                } else {
                    ns.add("");
                }
            }
        }
        var listScopes = new ArrayList<ListScope>();
        scopes.forEach((r, nss) -> nss.forEach(ns -> listScopes.add(new ListScope(r, ns))));
        var ids = sets.stream().map(s -> s.set().id()).sorted().collect(Collectors.joining(","));
        var selector = ApplySet.LABEL_PART_OF + " in (" + ids + ")";
        var lists = fanout.map(listScopes, scope -> {
            try {
                return new Listed(api.list(scope.resource().collectionPath(scope.namespace()), selector), null);
            } catch (ApiException e) {
                var what = scope.resource().groupKind().applySetName()
                        + (scope.namespace().isEmpty() ? "" : " in namespace " + scope.namespace());
                return new Listed(null, new PlanProblem.ListFailed(scope.resource().groupKind(), scope.namespace(),
                        "listing " + what + " failed: " + e.getMessage()));
            }
        });
        boolean complete = true;
        for (int i = 0; i < lists.size(); i++) {
            var attempt = lists.get(i);
            var resource = listScopes.get(i).resource();
            if (attempt.problem() != null) {
                complete = false;
                failures.add(attempt.problem());
                continue;
            }
            for (var item : attempt.items()) {
                var view = ObjectView.of(item);
                var key = view.keyAs(resource.group(), resource.kind());
                owned.put(key, new OwnedObject(key, resource, item, view.label(ApplySet.LABEL_PART_OF)));
            }
        }
        return complete;
    }

    private Attempt<PlannedObject> planObject(Resolved r, List<TargetSet> sets, Map<String, String> setTargets,
                                              Map<ResourceKey, OwnedObject> owned, Presence presence, ObjectStore api,
                                              ObjectPlanner planner) {
        var d = r.desired();
        try {
            var set = sets.stream().filter(s -> s.set().target().equals(d.target())).findFirst().orElseThrow().set();
            var body = withMemberLabel(d.body(), set.id());
            Map<String, Object> live = null;
            var found = owned.get(d.key());
            if (found != null) {
                live = found.live();
            } else if (r.served() && !presence.absent(d.key())) {
                live = api.get(r.resource().objectPath(d.key().namespace(), d.key().name()));
            }
            var ownership = live == null ? new Ownership.Ours() : Ownership.of(live, set.id(), setTargets);
            return new Attempt<>(planner.plan(new ObjectFacts(d, r.resource(), body, live, ownership)), d.key(),
                    null);
        } catch (ApiException e) {
            // A server error may echo the object back: never let a Secret's values through (causes dropped too).
            return new Attempt<>(null, d.key(), new ApiException(e.code(), e.kind(), e.reason(),
                    SecretMasking.scrubFor(e.getMessage(), d.body()), List.of(), e.retryAfterSeconds(), null));
        }
    }

    /** The manifest as applied: with the ApplySet member label added. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withMemberLabel(Map<String, Object> body, String setId) {
        var out = new LinkedHashMap<>(body);
        var meta = new LinkedHashMap<>((Map<String, Object>) body.getOrDefault("metadata", Map.of()));
        var labels = new LinkedHashMap<>((Map<String, Object>) meta.getOrDefault("labels", Map.of()));
        labels.put(ApplySet.LABEL_PART_OF, setId);
        meta.put("labels", labels);
        out.put("metadata", meta);
        return out;
    }
}
