package io.fleetsync.apply;

import io.fleetsync.cluster.WriteMode;
import io.fleetsync.cluster.ApplyMode;
import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.cluster.Stopping;
import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.Fanout;
import io.fleetsync.diff.Action;
import io.fleetsync.plan.ClusterWork;
import io.fleetsync.plan.ParentRecord;
import io.fleetsync.plan.PlannedObject;
import io.fleetsync.plan.RetiredParent;
import io.fleetsync.plan.TargetSet;
import io.fleetsync.resource.ApplyOrder;
import io.fleetsync.resource.ResourceKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.fleetsync.plan.ClusterPhase;
import java.util.stream.Collectors;

/**
 * Carries out one cluster's plan: ApplySet parents widened first (so an interrupted run still knows where its
 * objects are), then writes stage by stage (namespaces and CRDs, waiting until CRDs are Established; support
 * objects; the rest), deletes in reverse stage order, parents narrowed to what remains, and rollout restarts.
 */
public final class ClusterApplier {
    private final Fanout fanout;
    private final RestartOnChange restarts;

    public ClusterApplier(Fanout fanout) {
        this.fanout = fanout;
        this.restarts = new RestartOnChange(fanout);
    }

    /**
     * @param stopping true once the run must start no new writes (SIGINT/SIGTERM); pending writes become SKIPPED
     */
    public List<ObjectOutcome> apply(ClusterWork work, ObjectStore api, ApplyOptions options, ClusterJournal journal,
                                     Stopping stopping) {
        journal.enter(ClusterPhase.APPLY);
        // Each outcome goes to the journal the moment it is known, so a cluster stopped by its deadline in the
        // middle of a stage still reports what it wrote.
        var outcomes = new ArrayList<ObjectOutcome>();
        var writes = work.objects().stream().filter(p -> p.change().action() != Action.UNCHANGED
                && p.change().action() != Action.DELETE).toList();
        var deletes = work.objects().stream().filter(p -> p.change().action() == Action.DELETE).toList();
        if (writes.isEmpty() && deletes.isEmpty() && work.sets().stream().allMatch(s -> s.previous().exists()
                || s.desired().groupKinds().isEmpty()) && work.retiredParents().isEmpty()
                && work.sets().stream().noneMatch(TargetSet::needsIdentity)) {
            return outcomes;
        }
        for (var set : placed(work)) {
            writeParent(api, set, set.previous().union(set.desired().groupKinds(), set.desired().namespaces()),
                    options.dryRun());
        }
        var written = new ObjectWriter(api, work, options, stopping, journal::applied);
        for (int stage = 0; stage < ApplyOrder.STAGES; stage++) {
            int s = stage;
            var batch = writes.stream().filter(p -> ApplyOrder.stage(p.change().key()) == s).toList();
            outcomes.addAll(fanout.map(batch, p -> journal.record(written.write(p))));
            if (stage == ApplyOrder.FOUNDATION) {
                written.awaitCrds(outcomes);
            }
        }
        journal.enter(ClusterPhase.PRUNE);
        // The plan already says which deletes are held back; they are reported, never attempted.
        deletes.stream().filter(d -> d.change().heldBack() != null)
                .forEach(d -> outcomes.add(journal.record(ObjectOutcome.heldBack(d.change()))));
        for (int stage = ApplyOrder.STAGES - 1; stage >= 0; stage--) {
            int s = stage;
            var batch = deletes.stream().filter(p -> p.change().heldBack() == null
                    && ApplyOrder.stage(p.change().key()) == s).toList();
            outcomes.addAll(fanout.map(batch, p -> journal.record(written.delete(p))));
        }
        boolean clean = work.inventoryComplete() && work.problems().isEmpty() && !work.deletesHeldBack()
                && outcomes.stream().allMatch(o -> o.status() == ObjectOutcome.Status.DONE
                        || o.change().action() == Action.ADOPT_NEEDED);
        if (clean && !stopping.requested()) {
            for (var set : placed(work)) {
                writeParent(api, set, set.desired(), options.dryRun());
            }
            work.retiredParents().forEach(p -> deleteParent(api, p, options.dryRun()));
        }
        if (!options.dryRun() && !stopping.requested()) {
            journal.enter(ClusterPhase.RESTART);
            var done = doneWrites(outcomes, writes);
            Set<ResourceKey> created = outcomes.stream()
                    .filter(o -> o.status() == ObjectOutcome.Status.DONE && o.change().action() == Action.CREATE)
                    .map(o -> o.change().key()).collect(Collectors.toSet());
            outcomes.addAll(journal.restarted(restarts.run(done, created, api)));
        }
        return outcomes;
    }

    private static List<PlannedObject> doneWrites(List<ObjectOutcome> outcomes, List<PlannedObject> writes) {
        var done = new HashSet<ResourceKey>();
        outcomes.stream().filter(o -> o.status() == ObjectOutcome.Status.DONE).forEach(o -> done.add(o.change().key()));
        return writes.stream().filter(p -> done.contains(p.change().key())).toList();
    }

    /** Sets of targets placed on the cluster; a departed set's parent is never rewritten, only deleted (retired). */
    private static List<TargetSet> placed(ClusterWork work) {
        return work.sets().stream().filter(s -> s.departure() == null).toList();
    }

    private static void deleteParent(ObjectStore api, RetiredParent parent, boolean dryRun) {
        try {
            api.delete(parent.set().parentPath(), parent.uid(), WriteMode.dryRunIf(dryRun));
        } catch (ApiException e) {
            throw e.withMessage("deleting ApplySet parent " + parent.set().parentNamespace()
                    + "/" + parent.set().parentName() + " failed: " + e.getMessage());
        }
    }

    private static void writeParent(ObjectStore api, TargetSet set, ParentRecord scope, boolean dryRun) {
        if (set.previous().exists() && set.previous().groupKinds().equals(scope.groupKinds())
                && set.previous().namespaces().equals(scope.namespaces()) && !set.needsIdentity()) {
            return;
        }
        try {
            api.apply(set.set().parentPath(), scope.toParent(set.set()), ApplyMode.of(WriteMode.dryRunIf(dryRun)).forced());
        } catch (ApiException e) {
            throw e.withMessage("writing ApplySet parent " + set.set().parentNamespace()
                    + "/" + set.set().parentName() + " failed: " + e.getMessage());
        }
    }
}
