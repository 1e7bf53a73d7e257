package io.fleetsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.cluster.ApiResource;
import io.fleetsync.diff.HoldBack;
import io.fleetsync.fleet.Target;
import io.fleetsync.resource.ApplySet;
import io.fleetsync.resource.ResourceKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every delete a cluster-wide guard stops is still planned, with the guard as a typed reason. */
class PrunePlannerTest {
    private static final ApiResource CONFIG_MAPS = new ApiResource("", "v1", "ConfigMap", "configmaps", true);
    private static final ApiResource NAMESPACES = new ApiResource("", "v1", "Namespace", "namespaces", false);
    private final Target app = new Target("app", null, "demo", List.of(new io.fleetsync.fleet.Source.Files("app/")), true);
    private final ApplySet set = ApplySet.forTarget("app");
    private final List<TargetSet> sets = List.of(new TargetSet(set, ParentRecord.none(), ParentRecord.none()));
    private final ResourceKey kept = new ResourceKey("", "ConfigMap", "demo", "kept");
    private final ResourceKey gone = new ResourceKey("", "ConfigMap", "demo", "gone");
    private final ResourceKey other = new ResourceKey("", "ConfigMap", "demo", "other");
    private final ResourceKey kubeSystem = new ResourceKey("", "Namespace", "", "kube-system");

    @Test
    void anOwnedObjectNoLongerRenderedIsDeletedWithNoHoldBack() {
        var prune = plan(Set.of(kept), true, PlanOptions.defaults(), owned(kept), owned(gone));

        assertThat(prune.deletes()).extracting(d -> d.change().key()).containsExactly(gone);
        assertThat(prune.deletes().getFirst().change().heldBack()).isNull();
        assertThat(prune.heldBack()).isFalse();
    }

    @Test
    void aSystemNamespaceIsPlannedAsAHeldBackDelete() {
        var ns = new OwnedObject(kubeSystem, NAMESPACES, Map.of("metadata", Map.of("name", "kube-system")), set.id());

        var prune = plan(Set.of(kept), true, PlanOptions.defaults(), owned(kept), ns, owned(gone));

        assertThat(reasons(prune)).containsExactly(HoldBack.Reason.SYSTEM_NAMESPACE, null);
    }

    @Test
    void aTargetThatRendersNothingShowsItsDeletesHeldBackUnlessAllowed() {
        var held = plan(Set.of(), true, PlanOptions.defaults(), owned(gone));
        var allowed = plan(Set.of(), true, new PlanOptions(false, false, true, null, false), owned(gone));

        assertThat(reasons(held)).containsExactly(HoldBack.Reason.EMPTY_TARGET);
        assertThat(held.warnings()).containsExactly(new PlanWarning.EmptyTarget("app"));
        assertThat(allowed.warnings()).isEmpty();
        assertThat(reasons(allowed)).containsOnlyNulls().hasSize(1);
    }

    @Test
    void aFailedListHoldsBackEveryDeleteOfTheCluster() {
        var prune = plan(Set.of(kept), false, PlanOptions.defaults(), owned(gone), owned(other));

        assertThat(reasons(prune)).containsExactly(HoldBack.Reason.INVENTORY_INCOMPLETE,
                HoldBack.Reason.INVENTORY_INCOMPLETE);
        assertThat(prune.warnings()).containsExactly(new PlanWarning.InventoryIncomplete());
        assertThat(prune.heldBack()).isTrue();
    }

    @Test
    void moreDeletesThanMaxDeletionsHoldsBackAllOfThemWithTheCount() {
        var two = new PlanOptions(false, false, false, 2, false);
        var one = new PlanOptions(false, false, false, 1, false);

        var within = plan(Set.of(kept), true, two, owned(gone), owned(other));
        var above = plan(Set.of(kept), true, one, owned(gone), owned(other));

        assertThat(reasons(within)).containsOnlyNulls().hasSize(2);
        assertThat(above.deletes()).extracting(d -> d.change().heldBack())
                .containsOnly(new HoldBack(HoldBack.Reason.MAX_DELETIONS, 2, null));
        assertThat(within.warnings()).isEmpty();
        assertThat(above.warnings()).containsExactly(new PlanWarning.MaxDeletions(2, 1));
        assertThat(above.heldBack()).isTrue();
    }

    @Test
    void aDeleteHeldBackForItsOwnReasonDoesNotCountTowardsMaxDeletions() {
        var ns = new OwnedObject(kubeSystem, NAMESPACES, Map.of("metadata", Map.of("name", "kube-system")), set.id());

        var prune = plan(Set.of(kept), true, new PlanOptions(false, false, false, 1, false), ns, owned(gone));

        assertThat(reasons(prune)).containsExactly(HoldBack.Reason.SYSTEM_NAMESPACE, null);
    }

    @Test
    void anObjectAnotherTargetRendersIsNotACandidate() {
        var prune = new PrunePlanner().plan(sets, Map.of("app", app), List.of(owned(gone)),
                Map.of("app", Set.of(kept)), Set.of(kept, gone), true, PlanOptions.defaults(), (k, a, b) -> null);

        assertThat(prune.deletes()).isEmpty();
    }

    private PrunePlanner.Prune plan(Set<ResourceKey> desired, boolean inventoryComplete, PlanOptions options,
                                    OwnedObject... owned) {
        return new PrunePlanner().plan(sets, Map.of("app", app), List.of(owned), Map.of("app", desired), desired,
                inventoryComplete, options, (k, a, b) -> null);
    }

    private OwnedObject owned(ResourceKey key) {
        return new OwnedObject(key, CONFIG_MAPS, Map.of("metadata", Map.of("name", key.name(),
                "namespace", key.namespace())), set.id());
    }

    private static List<HoldBack.Reason> reasons(PrunePlanner.Prune prune) {
        return prune.deletes().stream().map(d -> d.change().heldBack() == null ? null
                : d.change().heldBack().reason()).toList();
    }
}
