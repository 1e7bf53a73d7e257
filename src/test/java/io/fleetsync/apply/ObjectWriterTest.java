package io.fleetsync.apply;

import io.fleetsync.result.OutcomeReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ApiFailure;
import io.fleetsync.cluster.ApiResource;
import io.fleetsync.cluster.Discovery;
import io.fleetsync.cluster.Stopping;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.diff.HoldBack;
import io.fleetsync.plan.ClusterPlan;
import io.fleetsync.plan.ClusterWork;
import io.fleetsync.plan.PlannedObject;
import io.fleetsync.resource.ResourceKey;
import io.fleetsync.result.ObjectOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Apply's per-object decisions from values, against a fake store that records what was sent: what is refused
 * without a request, what is sent and how, and how failures become the object's outcome.
 */
class ObjectWriterTest {
    private static final ApiResource CONFIG_MAPS = new ApiResource("", "v1", "ConfigMap", "configmaps", true);
    private static final String PATH = "/api/v1/namespaces/shop/configmaps/app-config";
    private static final Map<String, Object> BODY = Map.of("apiVersion", "v1", "kind", "ConfigMap",
            "metadata", Map.of("name", "app-config", "namespace", "shop"), "data", Map.of("LOG_LEVEL", "info"));
    private static final Map<String, Object> LIVE = Map.of("apiVersion", "v1", "kind", "ConfigMap",
            "metadata", Map.of("name", "app-config", "namespace", "shop", "uid", "u-1"));

    private final RecordingStore store = new RecordingStore();

    private static PlannedObject planned(Action action, boolean force, List<String> conflicts) {
        var change = new Change(new ResourceKey("", "ConfigMap", "shop", "app-config"), "app", action,
                List.of("data.LOG_LEVEL"), conflicts, null, null);
        return new PlannedObject(change, CONFIG_MAPS, action == Action.DELETE ? null : BODY,
                action == Action.CREATE ? null : LIVE, force);
    }

    private ObjectWriter writer(ApplyOptions options, Stopping stopping, PlannedObject... objects) {
        var plan = new ClusterPlan("c1", List.of(objects).stream().map(PlannedObject::change).toList(), List.of());
        var work = new ClusterWork(plan, List.of(objects), List.of(), List.of(), new Discovery(List.of(CONFIG_MAPS)),
                true, false);
        return new ObjectWriter(store, work, options, stopping, applied -> { });
    }

    @Test
    void anUpdateIsAppliedUnderFleetsyncsManagerAndForcedOnlyWhenPlannedSo() {
        var plain = planned(Action.UPDATE, false, List.of());
        var forced = planned(Action.UPDATE, true, List.of());

        assertThat(writer(ApplyOptions.defaults(), Stopping.NEVER, plain).write(plain).status())
                .isEqualTo(ObjectOutcome.Status.DONE);
        assertThat(writer(ApplyOptions.defaults(), Stopping.NEVER, forced).write(forced).status())
                .isEqualTo(ObjectOutcome.Status.DONE);

        assertThat(store.requests).containsExactly("APPLY " + PATH, "APPLY " + PATH + " force");
    }

    @Test
    void aDryRunSendsEveryWriteAsADryRun() {
        var p = planned(Action.UPDATE, false, List.of());
        var options = new ApplyOptions(true, false, Duration.ofSeconds(5));

        assertThat(writer(options, Stopping.NEVER, p).write(p).status()).isEqualTo(ObjectOutcome.Status.DONE);

        assertThat(store.requests).containsExactly("APPLY " + PATH + " dry-run");
        assertThat(store.objects).isEmpty();
    }

    @Test
    void whatThePlanRefusedIsNeverSent() {
        var adopt = planned(Action.ADOPT_NEEDED, false, List.of());
        var replace = planned(Action.REPLACE, false, List.of());
        var conflict = planned(Action.UPDATE, false, List.of("spec.replicas: conflict with \"argocd-controller\""));
        var w = writer(ApplyOptions.defaults(), Stopping.NEVER, adopt, replace, conflict);

        assertThat(w.write(adopt).status()).isEqualTo(ObjectOutcome.Status.SKIPPED);
        assertThat(w.write(replace).status()).isEqualTo(ObjectOutcome.Status.FAILED);
        assertThat(w.write(conflict).status()).isEqualTo(ObjectOutcome.Status.FAILED);

        assertThat(store.requests).isEmpty();
        // Positive control: the same update without the conflict is sent.
        var clean = planned(Action.UPDATE, false, List.of());
        assertThat(w.write(clean).status()).isEqualTo(ObjectOutcome.Status.DONE);
        assertThat(store.requests).containsExactly("APPLY " + PATH);
    }

    @Test
    void aReplaceWithForceReplaceDeletesByUidThenAppliesForced() {
        store.objects.put(PATH, LIVE);
        var p = planned(Action.REPLACE, false, List.of());
        var options = new ApplyOptions(false, true, Duration.ofSeconds(5));

        assertThat(writer(options, Stopping.NEVER, p).write(p).status()).isEqualTo(ObjectOutcome.Status.DONE);

        assertThat(store.requests).containsExactly("DELETE " + PATH, "GET " + PATH, "APPLY " + PATH + " force");
    }

    @Test
    void aStopRequestedSkipsWritesAndDeletesWithoutARequest() {
        var write = planned(Action.UPDATE, false, List.of());
        var delete = planned(Action.DELETE, false, List.of());
        var w = writer(ApplyOptions.defaults(), () -> true, write, delete);

        assertThat(w.write(write)).satisfies(o -> {
            assertThat(o.status()).isEqualTo(ObjectOutcome.Status.SKIPPED);
            assertThat(o.reason()).isEqualTo(new OutcomeReason.Interrupted(OutcomeReason.Verb.APPLY));
        });
        assertThat(w.delete(delete).reason()).isEqualTo(new OutcomeReason.Interrupted(OutcomeReason.Verb.DELETE));
        assertThat(store.requests).isEmpty();
    }

    @Test
    void anInterruptedRequestIsASkipNotAFailure() {
        store.failures.put(PATH, ApiException.of(ApiFailure.INTERRUPTED, "stopped"));
        var p = planned(Action.UPDATE, false, List.of());

        var outcome = writer(ApplyOptions.defaults(), Stopping.NEVER, p).write(p);

        assertThat(outcome.status()).isEqualTo(ObjectOutcome.Status.SKIPPED);
        // Positive control: any other failure of the same request fails the object with the server's words.
        store.failures.put(PATH, new ApiException(422, "Invalid", "ConfigMap \"app-config\" is invalid", List.of(), null));
        var failed = writer(ApplyOptions.defaults(), Stopping.NEVER, p).write(p);
        assertThat(failed.status()).isEqualTo(ObjectOutcome.Status.FAILED);
        assertThat(failed.reason()).isInstanceOfSatisfying(OutcomeReason.Message.class,
                m -> assertThat(m.text()).contains("is invalid"));
    }

    @Test
    void aDeleteIsPreconditionedAndAConflictMeansTheObjectChangedIdentity() {
        store.objects.put(PATH, LIVE);
        var p = planned(Action.DELETE, false, List.of());

        assertThat(writer(ApplyOptions.defaults(), Stopping.NEVER, p).delete(p).status())
                .isEqualTo(ObjectOutcome.Status.DONE);
        assertThat(store.objects).doesNotContainKey(PATH);

        store.failures.put(PATH, new ApiException(409, "Conflict", "Precondition failed: UID", List.of(), null));
        var changed = writer(ApplyOptions.defaults(), Stopping.NEVER, p).delete(p);
        assertThat(changed.status()).isEqualTo(ObjectOutcome.Status.FAILED);
        assertThat(changed.reason()).isEqualTo(new OutcomeReason.ChangedIdentity());
    }

    @Test
    void aWriteBlockedByADeletionFailsAtOnceWithoutWaitForDeletion() {
        var p = planned(Action.CREATE, false, List.of());
        var blocked = p.withChange(p.change().withHeldBack(new HoldBack(HoldBack.Reason.TERMINATING, 0, "now")));

        var outcome = writer(ApplyOptions.defaults(), Stopping.NEVER, blocked).write(blocked);

        assertThat(outcome.status()).isEqualTo(ObjectOutcome.Status.FAILED);
        assertThat(outcome.reason()).as("the change's hold-back is the reason; the report words it").isNull();
        assertThat(store.requests).isEmpty();
    }
}
