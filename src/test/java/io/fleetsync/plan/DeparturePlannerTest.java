package io.fleetsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.ClusterSelector;
import io.fleetsync.fleet.Connection;
import io.fleetsync.fleet.FleetIdentity;
import io.fleetsync.fleet.Target;
import io.fleetsync.manifest.ClusterMembership;
import io.fleetsync.manifest.ClusterState;
import io.fleetsync.manifest.DepartedTarget;
import io.fleetsync.manifest.TargetState;
import io.fleetsync.resource.ApplySet;
import io.fleetsync.resource.Departure;
import io.fleetsync.resource.ResourceKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which listed ApplySet parents are departed or orphaned sets of this fleet, decided from values. */
class DeparturePlannerTest {
    private static final FleetIdentity PROD = new FleetIdentity("prod");
    private final DeparturePlanner planner = new DeparturePlanner();

    @Test
    void aDepartedTargetsParentBecomesASetWithItsReason() {
        var state = state(PROD, List.of("app"), List.of(departed("web")), true);

        var plan = planner.plan(state, List.of(parent("web", "prod"), parent("app", "prod")), options(false, false));

        assertThat(plan.sets()).extracting(s -> s.set().target() + ":" + s.departure())
                .containsExactly("web:NO_LONGER_SELECTED");
        assertThat(plan.sets().get(0).desired()).as("the parent is never narrowed").isEqualTo(plan.sets().get(0)
                .previous());
        assertThat(plan.targets()).containsOnlyKeys("web");
        assertThat(plan.orphans()).isEmpty();
    }

    @Test
    void aParentWithoutFleetNameCountsAsThisFleetsForItsOwnTargetsOnly() {
        var state = state(PROD, List.of(), List.of(departed("web")), true);

        var plan = planner.plan(state, List.of(parent("web", null), parent("gone", null)), options(true, false));

        assertThat(plan.sets()).extracting(s -> s.set().target()).containsExactly("web");
        assertThat(plan.orphans()).as("a legacy parent of a name this fleet lacks may be another unnamed fleet's")
                .isEmpty();
    }

    @Test
    void anotherFleetsParentsAreNeverDepartedNorOrphans() {
        var state = state(PROD, List.of(), List.of(departed("web")), true);

        var plan = planner.plan(state, List.of(parent("web", "staging"), parent("gone", "staging")),
                options(true, false));

        assertThat(plan.sets()).isEmpty();
        assertThat(plan.orphans()).isEmpty();
    }

    @Test
    void orphansAreReportedAndOnlyPrunedWhenAsked() {
        var state = state(PROD, List.of("app"), List.of(), true);
        var parents = List.of(parent("gone", "prod"), parent("app", "prod"));

        var kept = planner.plan(state, parents, options(false, false));
        var pruned = planner.plan(state, parents, options(true, false));

        assertThat(kept.orphans()).containsExactly(new OrphanedSet("gone", "kube-system/fleetsync-applyset-gone",
                OrphanedSet.Handling.KEPT));
        assertThat(kept.sets()).isEmpty();
        assertThat(pruned.orphans()).extracting(OrphanedSet::handling).containsExactly(OrphanedSet.Handling.PRUNED);
        assertThat(pruned.sets()).extracting(TargetSet::departure).containsExactly(Departure.REMOVED_FROM_FLEET);
        assertThat(pruned.targets().get("gone").prune()).isTrue();
    }

    @Test
    void anUnnamedFleetReportsNoOrphansButStillPrunesItsOwnDepartures() {
        var state = state(FleetIdentity.UNNAMED, List.of(), List.of(departed("web")), true);

        var plan = planner.plan(state, List.of(parent("gone", null), parent("theirs", "prod"), parent("web", null)),
                options(true, false));

        assertThat(plan.orphans()).as("another unnamed fleet's sets look exactly like an unnamed fleet's own").isEmpty();
        assertThat(plan.sets()).extracting(s -> s.set().target()).containsExactly("web");
    }

    @Test
    void aParentAnotherClusterEntryWroteIsNotThisClustersDeparture() {
        // Two cluster entries of one fleet file reach the same API server: c2's target does not select c1.
        var state = state(PROD, List.of(), List.of(departed("web")), true);

        var plan = planner.plan(state, List.of(parent("web", "prod", "c2")), options(true, false));

        assertThat(plan.sets()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
        // Positive control: the same parent written by this cluster's entry is its departure.
        assertThat(planner.plan(state, List.of(parent("web", "prod", "c1")), options(true, false)).sets())
                .hasSize(1);
    }

    @Test
    void aParentThatNamesNoClusterIsKeptWithAWarning() {
        var state = state(PROD, List.of(), List.of(departed("web")), true);

        var plan = planner.plan(state, List.of(parent("web", "prod", null)), options(true, true));

        assertThat(plan.sets()).isEmpty();
        assertThat(plan.warnings()).containsExactly(new PlanWarning.UnnamedParent("web"));
    }

    @Test
    void aPlacedSetWritesItsClusterOnAParentThatLacksIt() {
        var legacy = new TargetSet(ApplySet.forTarget("app", "prod", "c1"), record("prod"), ParentRecord.none());
        var other = new TargetSet(ApplySet.forTarget("app", "prod", "c1"),
                new ParentRecord(new TreeSet<>(), new TreeSet<>(), true, "prod", "c2"), ParentRecord.none());
        var ours = new TargetSet(ApplySet.forTarget("app", "prod", "c1"),
                new ParentRecord(new TreeSet<>(), new TreeSet<>(), true, "prod", "c1"), ParentRecord.none());

        assertThat(legacy.needsIdentity()).isTrue();
        assertThat(other.needsIdentity()).isTrue();
        assertThat(ours.needsIdentity()).isFalse();
    }

    @Test
    void withTargetFilterOrphansAreOutOfScope() {
        var state = state(PROD, List.of(), List.of(), false);

        assertThat(planner.plan(state, List.of(parent("gone", "prod")), options(true, false)).orphans()).isEmpty();
    }

    @Test
    void aLookAlikeParentIsIgnored() {
        var state = state(PROD, List.of(), List.of(departed("web")), true);
        var renamed = parent("web", "prod");
        meta(renamed).put("name", "someone-elses");
        var otherTool = parent("gone", "prod");
        annotations(otherTool).put(ApplySet.ANNOTATION_TOOLING, "kubectl/v1.34");

        var plan = planner.plan(state, List.of(renamed, otherTool), options(true, false));

        assertThat(plan.sets()).isEmpty();
        assertThat(plan.orphans()).isEmpty();
    }

    @Test
    void aClusterNoTargetSelectsKeepsItsObjectsUnlessEmptyIsAllowed() {
        var state = state(PROD, List.of(), List.of(departed("web")), true, true);

        var held = planner.plan(state, List.of(parent("web", "prod")), options(false, false));
        var allowed = planner.plan(state, List.of(parent("web", "prod")), options(false, true));

        assertThat(held.sets()).isEmpty();
        assertThat(held.warnings()).containsExactly(new PlanWarning.SelectedByNoTarget("web"));
        assertThat(allowed.sets()).hasSize(1);
    }

    @Test
    void aParentIsRetiredOnlyWhenEveryMemberIsDeleted() {
        var state = state(PROD, List.of(), List.of(departed("web")), true);
        var plan = planner.plan(state, List.of(parent("web", "prod")), options(false, false));
        var id = ApplySet.forTarget("web").id();
        var gone = owned("gone", id);
        var moving = owned("moving", id);

        assertThat(plan.retired(List.of(gone, moving), List.of(delete(gone)), false, true)).isEmpty();
        assertThat(plan.retired(List.of(gone), List.of(delete(gone)), false, true))
                .containsExactly(new RetiredParent(ApplySet.forTarget("web", "prod"), "uid-web"));
        assertThat(plan.retired(List.of(gone), List.of(delete(gone)), true, true)).as("held back").isEmpty();
        assertThat(plan.retired(List.of(gone), List.of(delete(gone)), false, false)).as("a list failed").isEmpty();
        assertThat(plan.retired(List.of(), List.of(), false, true)).as("owns nothing any more").hasSize(1);
    }

    @Test
    void aPlacedTargetsParentWrittenByAnotherFleetIsACollision() {
        var theirs = new TargetSet(ApplySet.forTarget("app", "prod"), record("staging"), ParentRecord.none());
        var legacy = new TargetSet(ApplySet.forTarget("app", "prod"), record(null), ParentRecord.none());
        var ours = new TargetSet(ApplySet.forTarget("app", "prod"), record("prod"), ParentRecord.none());

        assertThat(DeparturePlanner.collision(List.of(theirs), PROD)).get().asString()
                .contains("belongs to fleet 'staging'").contains("fleet 'prod'");
        assertThat(DeparturePlanner.collision(List.of(ours, legacy), PROD)).isEmpty();
        assertThat(DeparturePlanner.collision(List.of(ours), FleetIdentity.UNNAMED)).get().asString()
                .contains("an unnamed fleet");
        assertThat(legacy.needsIdentity()).as("a named fleet writes its name on a legacy parent").isTrue();
        assertThat(ours.needsIdentity()).isFalse();
    }

    private static ParentRecord record(String fleet) {
        return new ParentRecord(new TreeSet<>(), new TreeSet<>(), true, fleet);
    }

    private static OwnedObject owned(String name, String setId) {
        var key = new ResourceKey("", "ConfigMap", "demo", name);
        return new OwnedObject(key, null, Map.of("metadata", Map.of("name", name)), setId);
    }

    private static PlannedObject delete(OwnedObject o) {
        return new PlannedObject(Change.of(o.key(), "web", Action.DELETE), o.resource(), null, o.live(), false);
    }

    private static PlanOptions options(boolean pruneOrphans, boolean allowEmpty) {
        return new PlanOptions(false, false, allowEmpty, null, false, pruneOrphans);
    }

    private static Target target(String name) {
        return new Target(name, new ClusterSelector(List.of(), Map.of("tier", "web")), null, List.of(new io.fleetsync.fleet.Source.Files(name + "/")), true);
    }

    private static DepartedTarget departed(String name) {
        return new DepartedTarget(target(name), Departure.NO_LONGER_SELECTED);
    }

    private static ClusterState state(FleetIdentity fleet, List<String> placed, List<DepartedTarget> departed,
                                      boolean orphansInScope) {
        return state(fleet, placed, departed, orphansInScope, false);
    }

    private static ClusterState state(FleetIdentity fleet, List<String> placed, List<DepartedTarget> departed,
                                      boolean orphansInScope, boolean selectedByNoTarget) {
        var names = new java.util.HashSet<String>(placed);
        departed.forEach(d -> names.add(d.target().name()));
        var cluster = new Cluster("c1", Map.of(), (Connection) null);
        return new ClusterState(cluster, placed.stream().map(p -> new TargetState(target(p), List.of())).toList(),
                Set.of(), new ClusterMembership(fleet, names, departed, orphansInScope, selectedByNoTarget));
    }

    /** A parent ConfigMap as fleetsync writes it (and the list returns it). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> parent(String target, String fleet) {
        return parent(target, fleet, "c1");
    }

    /** A parent written by the fleet's cluster entry {@code cluster} (null: by a fleetsync that named none). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> parent(String target, String fleet, String cluster) {
        var set = ApplySet.forTarget(target, fleet, cluster);
        var written = (Map<String, Object>) new ParentRecord(new TreeSet<>(), new TreeSet<>(), false).toParent(set)
                .get("metadata");
        var annotations = new HashMap<String, Object>((Map<String, Object>) written.get("annotations"));
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("name", set.parentName());
        metadata.put("namespace", set.parentNamespace());
        metadata.put("uid", "uid-" + target);
        metadata.put("labels", new HashMap<>(Map.of(ApplySet.LABEL_ID, set.id())));
        metadata.put("annotations", annotations);
        var parent = new LinkedHashMap<String, Object>();
        parent.put("apiVersion", "v1");
        parent.put("kind", "ConfigMap");
        parent.put("metadata", metadata);
        return parent;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> meta(Map<String, Object> parent) {
        return (Map<String, Object>) parent.get("metadata");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotations(Map<String, Object> parent) {
        return (Map<String, Object>) meta(parent).get("annotations");
    }
}
