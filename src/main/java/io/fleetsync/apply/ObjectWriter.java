package io.fleetsync.apply;

import io.fleetsync.resource.CrdDefinition;
import io.fleetsync.resource.ObjectView;
import io.fleetsync.cluster.WriteMode;
import io.fleetsync.cluster.ApplyMode;
import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.cluster.Stopping;
import io.fleetsync.cluster.ApiFailure;
import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.result.OutcomeReason;
import io.fleetsync.cluster.ApiException;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.SecretMasking;
import io.fleetsync.plan.CascadeGuard;
import io.fleetsync.plan.ClusterWork;
import io.fleetsync.plan.PruneScope;
import io.fleetsync.plan.PlannedObject;
import io.fleetsync.resource.ApplyOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes or deletes one planned object, turning every failure into that object's outcome. */
final class ObjectWriter {
    private final ObjectStore api;
    private final ClusterWork work;
    private final ApplyOptions options;
    private final Stopping stopping;
    /** Namespaces this run creates: in a dry run they do not exist, so their objects cannot be dry-run. */
    private final Set<String> newNamespaces = new HashSet<>();
    /** Groups/kinds of CRDs that did not become Established: their custom resources are not written. */
    private final Set<String> unservedKinds = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** CRDs as the apply answered them: their status and resourceVersion start the wait for Established. */
    private final Map<String, Map<String, Object>> appliedCrds = new java.util.concurrent.ConcurrentHashMap<>();

    private final CascadeGuard cascades;
    private final PruneScope scope;
    private final PendingDeletions deletions;

    /** Where each written object's applied generation goes, for {@code apply --wait}. */
    private final java.util.function.Consumer<io.fleetsync.health.AppliedObject> appliedSink;

    ObjectWriter(ObjectStore api, ClusterWork work, ApplyOptions options, Stopping stopping,
                 java.util.function.Consumer<io.fleetsync.health.AppliedObject> appliedSink) {
        this.appliedSink = appliedSink;
        this.api = api;
        this.work = work;
        this.options = options;
        this.stopping = stopping;
        this.cascades = new CascadeGuard(api, work.discovery());
        this.scope = PruneScope.of(work.objects());
        this.deletions = new PendingDeletions(api, options, stopping);
        for (var p : work.objects()) {
            if (p.change().action() == Action.CREATE && ApplyOrder.isNamespace(p.change().key().groupKind())) {
                newNamespaces.add(p.change().key().name());
            }
        }
    }

    ObjectOutcome write(PlannedObject p) {
        var change = p.change();
        var key = change.key();
        if (stopping.requested()) {
            return ObjectOutcome.skipped(change, new OutcomeReason.Interrupted(OutcomeReason.Verb.APPLY));
        }
        if (change.heldBack() != null && change.heldBack().reason().blocksWrite()) {
            var blocked = deletions.await(p);
            if (blocked.isPresent()) {
                return blocked.get();
            }
        }
        switch (change.action()) {
            case ADOPT_NEEDED -> {
                return ObjectOutcome.skipped(change, new OutcomeReason.NotOwned());
            }
            case REPLACE -> {
                if (!options.forceReplace()) {
                    return ObjectOutcome.failed(change, new OutcomeReason.ImmutableField(change.changedPaths()));
                }
            }
            case UPDATE -> {
                if (!change.conflicts().isEmpty() && !p.force()) {
                    return ObjectOutcome.failed(change, new OutcomeReason.FieldConflicts(change.conflicts()));
                }
            }
            default -> {
            }
        }
        var crdKey = p.resource().group() + "/" + p.resource().kind();
        if (work.discovery().find(p.resource().apiVersion(), key.kind()).isEmpty()
                && (options.dryRun() || unservedKinds.contains(crdKey))) {
            return ObjectOutcome.skipped(change, new OutcomeReason.CrdNotEstablished(options.dryRun()));
        }
        if (options.dryRun() && key.namespaced() && newNamespaces.contains(key.namespace())) {
            return ObjectOutcome.skipped(change, new OutcomeReason.NamespaceCreatedByRun(key.namespace()));
        }
        var path = p.resource().objectPath(key.namespace(), key.name());
        try {
            if (change.action() == Action.REPLACE) {
                var replaced = replace(p, path);
                if (replaced.isEmpty()) {
                    return ObjectOutcome.failed(change, new OutcomeReason.StillPresentAfterDelete(options.waitTimeout()));
                }
                written(p, path, replaced.get());
            } else {
                var applied = api.apply(path, p.applyBody(), ApplyMode.of(options.writeMode()).forcedIf(p.force()));
                written(p, path, applied);
                if (ApplyOrder.isCrd(key.groupKind()) && applied != null) {
                    appliedCrds.put(key.name(), applied);
                }
                if (!options.dryRun() && CoOwnerRelease.adopts(p)) {
                    new CoOwnerRelease(api).release(path, applied);
                }
            }
            return ObjectOutcome.done(change);
        } catch (ApiException e) {
            if (e.kind() == io.fleetsync.cluster.ApiFailure.INTERRUPTED) {
                return ObjectOutcome.skipped(change, new OutcomeReason.Interrupted(OutcomeReason.Verb.APPLY));
            }
            return ObjectOutcome.failed(change, SecretMasking.scrubFor(e.getMessage(), p.applyBody(), p.live()));
        }
    }

    ObjectOutcome delete(PlannedObject p) {
        if (stopping.requested()) {
            return ObjectOutcome.skipped(p.change(), new OutcomeReason.Interrupted(OutcomeReason.Verb.DELETE));
        }
        var key = p.change().key();
        try {
            // Planned as safe, but objects may have appeared since: look again right before the cascade.
            var heldBack = cascades.check(p, scope);
            if (heldBack.isPresent()) {
                return ObjectOutcome.heldBack(p.change().withHeldBack(heldBack.get()));
            }
            api.delete(p.resource().objectPath(key.namespace(), key.name()), p.liveUid(), options.writeMode());
            return ObjectOutcome.done(p.change());
        } catch (ApiException e) {
            if (e.kind() == io.fleetsync.cluster.ApiFailure.INTERRUPTED) {
                return ObjectOutcome.skipped(p.change(), new OutcomeReason.Interrupted(OutcomeReason.Verb.DELETE));
            }
            if (e.isConflict()) {
                return ObjectOutcome.failed(p.change(), new OutcomeReason.ChangedIdentity());
            }
            return ObjectOutcome.failed(p.change(), SecretMasking.scrubFor(e.getMessage(), p.live()));
        }
    }

    /**
     * Waits until every CRD written in this run is Established, so its custom resources can be applied: not at all
     * when the apply answer already says so (an unchanged or updated CRD), else with a watch on that CRD from the
     * apply's resourceVersion, which sends it only when it changes — polling fetched the whole CRD (often a
     * megabyte) five times a second. Bounded by the wait timeout, the stop signal and the cluster's deadline.
     */
    void awaitCrds(List<ObjectOutcome> outcomes) {
        if (options.dryRun()) {
            return;
        }
        for (var o : outcomes) {
            var key = o.change().key();
            if (o.status() != ObjectOutcome.Status.DONE || !ApplyOrder.isCrd(key.groupKind())) {
                continue;
            }
            var applied = appliedCrds.get(key.name());
            if (Waiter.established(applied)) {
                continue;
            }
            boolean ok = api.awaitObject(CRDS, key.name(), resourceVersion(applied), options.waitTimeout(),
                    Waiter::established, stopping);
            if (!ok) {
                unservedKinds.addAll(kindsOf(key.name()));
            }
        }
    }

    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

    private static String resourceVersion(Map<String, Object> object) {
        return object == null ? null : ObjectView.of(object).resourceVersion();
    }

    /** CRD names are {@code plural.group}; the kinds come from the plan's CRD bodies. */
    private Set<String> kindsOf(String crdName) {
        var out = new HashSet<String>();
        for (var p : work.objects()) {
            if (ApplyOrder.isCrd(p.change().key().groupKind()) && p.change().key().name().equals(crdName)
                    && p.applyBody() != null && p.applyBody().get("spec") instanceof Map<?, ?>) {
                var def = CrdDefinition.of(p.applyBody());
                out.add(def.group() + "/" + def.kind());
            }
        }
        return out;
    }

    /** Hands a real write's answer on, so a wait gates on the generation this apply produced. */
    private void written(PlannedObject p, String path, Map<String, Object> answer) {
        if (!options.dryRun() && answer != null) {
            appliedSink.accept(new io.fleetsync.health.AppliedObject(p.change().key(), path, p.change().target(),
                    answer.get("metadata") instanceof Map<?, ?> m && m.get("generation") instanceof Number g
                            ? g.longValue() : 0));
        }
    }

    /**
     * Deletes and recreates the object: the apply's answer (empty map for a dry run), or empty when it was deleted
     * but is still there after the wait timeout.
     */
    private java.util.Optional<Map<String, Object>> replace(PlannedObject p, String path) {
        var deleted = api.delete(path, p.liveUid(), options.writeMode());
        if (options.dryRun()) {
            return java.util.Optional.of(Map.of());
        }
        if (deleted && !Waiter.until(() -> api.get(path) == null, options.waitTimeout())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(api.apply(path, p.applyBody(), ApplyMode.of(WriteMode.PERSIST).forced()))
                .or(() -> java.util.Optional.of(Map.of()));
    }
}
