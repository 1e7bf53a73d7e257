package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetsync.ops.Shard;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a target leaves behind: on a cluster its selector no longer picks (deleted, through the prune guards), and
 * on clusters of a target removed from the fleet file (orphans: reported, deleted only with --prune-orphans).
 * Filters never count as leaving, and fleets with different names never touch each other's sets.
 */
@QuarkusMainTest
class LeaveTest {
    private final Clusters clusters = ClusterPool.instance().shared(2);
    private Workspace ws;
    private RealCluster c0;
    private RealCluster c1;
    private String ns;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        c0 = ws.cluster(0);
        c1 = ws.cluster(1);
        ns = ws.ns("leave");
    }

    @Test
    void aClusterThatLeavesATargetLosesItsObjectsButKeepsWhatAnotherTargetRenders(QuarkusMainLauncher launcher) {
        ws.write("base/ns.yaml", Manifests.namespace(ns));
        ws.write("web/only.yaml", Manifests.configMap("web-only", "1"));
        ws.write("web/moving.yaml", Manifests.configMap("moving", "1"));
        ws.write("keeper/none.yaml", "# nothing yet\n");
        var targets = """
                  - name: base-%1$s
                    clusters: {names: [%2$s, %3$s]}
                    resources: [base/]
                  - name: web-%1$s
                    clusters: {labels: {web: "on"}}
                    namespace: %4$s
                    resources: [web/]
                  - name: keeper-%1$s
                    clusters: {names: [%2$s]}
                    namespace: %4$s
                    resources: [keeper/]
                """.formatted(ws.id, c0.name(), c1.name(), ns);
        fleet("fleet.yaml", "f-" + ws.id, "on", "on", targets);
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        assertThat(cm(c0, "web-only")).isTrue();

        // c0 leaves target web; the object "moving" goes to target keeper on c0.
        fleet("fleet.yaml", "f-" + ws.id, "off", "on", targets);
        ws.delete("keeper/none.yaml");
        ws.write("keeper/moving.yaml", Manifests.configMap("moving", "1"));

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var text = Run.of(launcher, "plan", "-f", ws.fleetPath());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        var delete = plan.change(c0.name(), "ConfigMap/" + ns + "/web-only");
        assertThat(delete.get("action").asText()).isEqualTo("delete");
        assertThat(delete.get("reason").asText()).isEqualTo("no-longer-selected");
        assertThat(delete.get("target").asText()).isEqualTo("web-" + ws.id);
        assertThat(plan.action(c0.name(), "ConfigMap/" + ns + "/moving")).as("moving to keeper: never deleted")
                .isEqualTo("adopt-needed");
        assertThat(deletes(plan, c1)).as("c1 still selected").isEmpty();
        assertThat(text.out()).contains("delete ConfigMap/" + ns + "/web-only (no longer selected by target web-"
                + ws.id + ")");

        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(cm(c0, "web-only")).isFalse();
        assertThat(cm(c0, "moving")).as("another target renders it").isTrue();
        assertThat(cm(c1, "web-only")).isTrue();
        assertThat(parent(c0, "web-" + ws.id)).as("kept while it still owns 'moving'").isTrue();

        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath(), "--adopt").exitCode()).isZero();
        var last = Run.of(launcher, "apply", "-f", ws.fleetPath());
        assertThat(last.exitCode()).as(last.toString()).isZero();
        assertThat(cm(c0, "moving")).isTrue();
        assertThat(parent(c0, "web-" + ws.id)).as("its set owns nothing on c0 any more").isFalse();
        assertThat(parent(c1, "web-" + ws.id)).isTrue();
        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode").exitCode()).isZero();
    }

    @Test
    void filtersNeverCountAsLeaving(QuarkusMainLauncher launcher) {
        ws.write("web/ns.yaml", Manifests.namespace(ns));
        ws.write("web/cm.yaml", Manifests.configMap("web-cm", "1"));
        ws.write("other/none.yaml", "# nothing\n");
        var targets = """
                  - name: web-%1$s
                    clusters: {labels: {web: "on"}}
                    namespace: %2$s
                    resources: [web/]
                  - name: other-%1$s
                    clusters: {names: [%3$s]}
                    resources: [other/]
                """.formatted(ws.id, ns, c1.name());
        fleet("fleet.yaml", "f-" + ws.id, "on", "on", targets);
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        // No target selects c0 any more.
        fleet("fleet.yaml", "f-" + ws.id, "off", "on", targets);

        var onlyC1 = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--cluster", c1.name(), "-o", "json");
        assertThat(onlyC1.exitCode()).as(onlyC1.toString()).isZero();
        assertThat(onlyC1.out()).doesNotContain(c0.name());
        var onlyOther = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--target", "other-" + ws.id, "-o", "json");
        assertThat(onlyOther.exitCode()).as(onlyOther.toString()).isZero();
        assertThat(onlyOther.changeCount()).isZero();
        var shard = shardWithout(c0);
        var sharded = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--shard", shard, "-o", "json");
        assertThat(sharded.exitCode()).as(sharded.toString()).isZero();
        assertThat(sharded.out()).contains(c1.name()).doesNotContain(c0.name());
        assertThat(cm(c0, "web-cm")).as("--cluster, --target and --shard delete nothing").isTrue();

        // The unfiltered run visits c0, which no target selects any more: like a target that renders nothing,
        // a cluster the whole fleet left (a label typo?) is emptied only with --allow-empty.
        var guarded = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");
        assertThat(guarded.exitCode()).as(guarded.toString()).isZero();
        assertThat(guarded.out()).contains("no target selects this cluster any more");
        assertThat(cm(c0, "web-cm")).isTrue();
        // Positive control: allowed, the unfiltered run empties c0.
        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--allow-empty", "-o", "json");
        assertThat(deletes(plan, c0)).containsExactlyInAnyOrder("ConfigMap/" + ns + "/web-cm", "Namespace/" + ns);
        assertThat(deletes(plan, c1)).isEmpty();
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--allow-empty");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(cm(c0, "web-cm")).isFalse();
        var gone = c0.client().namespaces().withName(ns).get();
        assertThat(gone == null || gone.getMetadata().getDeletionTimestamp() != null).isTrue();
        assertThat(cm(c1, "web-cm")).isTrue();
    }

    @Test
    void aTargetRemovedFromTheFleetFileIsAnOrphanDeletedOnlyWhenAsked(QuarkusMainLauncher launcher) {
        ws.write("base/ns.yaml", Manifests.namespace(ns));
        ws.write("old/cm.yaml", Manifests.configMap("old-cm", "1"));
        var base = """
                  - name: base-%1$s
                    clusters: {names: [%2$s]}
                    resources: [base/]
                """.formatted(ws.id, c0.name());
        var old = """
                  - name: old-%1$s
                    clusters: {names: [%2$s]}
                    namespace: %3$s
                    resources: [old/]
                """.formatted(ws.id, c0.name(), ns);
        fleet("fleet.yaml", "f-" + ws.id, "on", "on", base + old);
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        fleet("fleet.yaml", "f-" + ws.id, "on", "on", base);

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        assertThat(orphans(plan, c0)).extracting(o -> o.get("target").asText() + ":" + o.get("handling").asText())
                .containsExactly("old-" + ws.id + ":kept");
        assertThat(deletes(plan, c0)).isEmpty();
        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath()).out())
                .contains("orphaned ApplySet kube-system/fleetsync-applyset-old-" + ws.id);
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        assertThat(cm(c0, "old-cm")).as("kept without --prune-orphans").isTrue();

        var held = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--prune-orphans", "--max-deletions", "0");
        assertThat(held.out()).as(held.toString()).contains("--max-deletions");
        assertThat(cm(c0, "old-cm")).as("the prune guards hold orphans back too").isTrue();

        var asked = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--prune-orphans", "-o", "json");
        assertThat(asked.change(c0.name(), "ConfigMap/" + ns + "/old-cm").get("reason").asText())
                .isEqualTo("removed-from-fleet");
        var pruned = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--prune-orphans");
        assertThat(pruned.exitCode()).as(pruned.toString()).isZero();
        assertThat(cm(c0, "old-cm")).isFalse();
        assertThat(parent(c0, "old-" + ws.id)).isFalse();
        assertThat(orphans(Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json"), c0)).isEmpty();

        // The cost at the server (discovery aside): one parent GET per target, one LIST of namespaces, and the
        // one LIST of parents that finds departures and orphans — which a --target run without departures skips.
        long before = ApiRequests.countAll(c0);
        long listsBefore = ApiRequests.count(c0, java.util.Set.of("configmaps"), java.util.Set.of("LIST"));
        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath(), "--cluster", c0.name()).exitCode()).isZero();
        long full = ApiRequests.countAll(c0) - before;
        long parentLists = ApiRequests.count(c0, java.util.Set.of("configmaps"), java.util.Set.of("LIST")) - listsBefore;
        before = ApiRequests.countAll(c0);
        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath(), "--target", "base-" + ws.id).exitCode()).isZero();
        long filtered = ApiRequests.countAll(c0) - before;
        assertThat(parentLists).isEqualTo(1);
        assertThat(full).isEqualTo(3);
        assertThat(filtered).isEqualTo(2);
    }

    @Test
    void fleetsWithDifferentNamesNeverSeeEachOthersSetsAsOrphans(QuarkusMainLauncher launcher) {
        ws.write("a/ns.yaml", Manifests.namespace(ns));
        ws.write("a/cm.yaml", Manifests.configMap("a-cm", "1"));
        ws.write("b/cm.yaml", Manifests.configMap("b-cm", "1"));
        var ta = "ta-" + ws.id;
        var tb = "tb-" + ws.id;
        var a = fleet("a.yaml", "a-" + ws.id, "on", "on", target(ta, "a/"));
        var b = fleet("b.yaml", "b-" + ws.id, "on", "on", target(tb, "b/"));
        assertThat(Run.of(launcher, "apply", "-f", a).exitCode()).isZero();
        assertThat(Run.of(launcher, "apply", "-f", b).exitCode()).isZero();

        var planA = Run.of(launcher, "plan", "-f", a, "--prune-orphans", "-o", "json");
        var planB = Run.of(launcher, "plan", "-f", b, "--prune-orphans", "-o", "json");
        assertThat(orphanTargets(planA)).doesNotContain(tb);
        assertThat(orphanTargets(planB)).doesNotContain(ta);
        assertThat(deletes(planA, c0)).isEmpty();
        assertThat(deletes(planB, c0)).isEmpty();
        assertThat(Run.of(launcher, "apply", "-f", b, "--prune-orphans").exitCode()).isZero();
        assertThat(cm(c0, "a-cm")).isTrue();

        // Positive control: a file with fleet a's name but without target ta sees ta's set as its orphan.
        var sameName = fleet("a2.yaml", "a-" + ws.id, "on", "on", target("tc-" + ws.id, "b/"));
        var planA2 = Run.of(launcher, "plan", "-f", sameName, "-o", "json");
        assertThat(orphanTargets(planA2)).contains(ta).doesNotContain(tb);

        // Two fleets using one target name on one cluster would prune each other's objects: refused.
        var collide = fleet("c.yaml", "c-" + ws.id, "on", "on", target(ta, "b/"));
        var refused = Run.of(launcher, "apply", "-f", collide, "-o", "json");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.status(c0.name())).isEqualTo("failed");
        assertThat(refused.out()).contains("belongs to fleet 'a-" + ws.id + "'");
        assertThat(cm(c0, "a-cm")).isTrue();
        assertThat(cm(c0, "b-cm")).as("fleet b's object, not written again by fleet c").isTrue();
        assertThat(Run.of(launcher, "plan", "-f", a, "--detailed-exitcode").exitCode()).isZero();
    }

    private String target(String name, String dir) {
        return """
                  - name: %s
                    clusters: {names: [%s]}
                    namespace: %s
                    resources: [%s]
                """.formatted(name, c0.name(), ns, dir);
    }

    /** Writes a fleet file with a name and both clusters, labelled {@code web: <label>}, returning its path. */
    private String fleet(String file, String name, String web0, String web1, String targets) {
        var sb = new StringBuilder("name: ").append(name).append("\nclusters:\n");
        var labels = List.of(web0, web1);
        for (int i = 0; i < 2; i++) {
            var c = ws.cluster(i);
            sb.append("  - name: ").append(c.name()).append('\n')
              .append("    kubeconfig: kubeconfig\n")
              .append("    context: ").append(c.name()).append('\n')
              .append("    labels: {web: \"").append(labels.get(i)).append("\"}\n");
        }
        sb.append("targets:\n").append(targets.stripIndent());
        return ws.write(file, sb.toString()).toString();
    }

    /** A --shard value whose shard holds c1 but not c0. */
    private String shardWithout(RealCluster excluded) {
        for (int count = 2; count < 10; count++) {
            for (int index = 0; index < count; index++) {
                var shard = new Shard(index, count);
                if (shard.owns(c1.name()) && !shard.owns(excluded.name())) {
                    return index + "/" + count;
                }
            }
        }
        throw new AssertionError("no shard separates the clusters");
    }

    private static List<String> deletes(Run run, RealCluster cluster) {
        return run.changes(cluster.name()).stream().filter(c -> c.get("action").asText().equals("delete"))
                .map(c -> c.get("subject").asText()).toList();
    }

    private static List<JsonNode> orphans(Run run, RealCluster cluster) {
        var c = StreamSupport.stream(run.json().get("clusters").spliterator(), false)
                .filter(n -> n.get("name").asText().equals(cluster.name())).findFirst().orElseThrow();
        return StreamSupport.stream(c.get("orphans").spliterator(), false).toList();
    }

    private List<String> orphanTargets(Run run) {
        return orphans(run, c0).stream().map(o -> o.get("target").asText()).toList();
    }

    private boolean cm(RealCluster cluster, String name) {
        return cluster.client().configMaps().inNamespace(ns).withName(name).get() != null;
    }

    private static boolean parent(RealCluster cluster, String target) {
        return cluster.client().configMaps().inNamespace("kube-system").withName("fleetsync-applyset-" + target)
                .get() != null;
    }
}
