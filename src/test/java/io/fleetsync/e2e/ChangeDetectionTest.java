package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No spurious diffs, no needless writes, drift reverted, other managers' fields left alone — on real API servers. */
@QuarkusMainTest
class ChangeDetectionTest {
    private static final Set<String> RESOURCES = Set.of("deployments", "namespaces", "configmaps",
            "horizontalpodautoscalers");
    /** The field manager Kubernetes' horizontal pod autoscaler writes under. */
    private static final String AUTOSCALER = "kube-controller-manager";
    private final Clusters clusters = ClusterPool.instance().shared(3);
    /** The Deployment's subject in reports. */
    private String web;
    private Workspace ws;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        web = "Deployment.apps/" + ws.ns("app") + "/web";
        ws.write("app/ns.yaml", Manifests.namespace(ws.ns("app")));
        ws.write("app/web.yaml", Manifests.deployment("web", "registry.example/web:1.0"));
        ws.write("app/cfg.yaml", Manifests.configMap("cfg", "${cluster.name}"));
        // autoscaling/v1 is not the server's preferred version (v2 is): no version skew may look like a change.
        ws.write("app/hpa.yaml", """
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 5
                  targetCPUUtilizationPercentage: 80
                """);
        ws.fleet("""
                  - name: app-%s
                    clusters: {labels: {}, names: [%s, %s, %s]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, ws.cluster(0).name(), ws.cluster(1).name(), ws.cluster(2).name(), ws.ns("app")));
    }

    @Test
    void deploymentWithoutDefaultedFieldsPlansZeroChangesAndZeroWritesAfterApply(QuarkusMainLauncher launcher) {
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        for (var c : ws.all()) {
            assertThat(apply.action(c.name(), "Deployment.apps/" + ws.ns("app") + "/web")).isEqualTo("create");
            assertThat(apply.status(c.name())).isEqualTo("ok");
            var cfg = c.client().configMaps().inNamespace(ws.ns("app")).withName("cfg").get();
            assertThat(cfg.getData()).containsEntry("key", c.name());
        }
        var before = ws.all().stream().mapToLong(c -> ApiRequests.mutating(c, RESOURCES)).toArray();
        var rv = deployment(0).getMetadata().getResourceVersion();

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json", "--detailed-exitcode");
        var again = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.changeCount()).as(plan.out()).isZero();
        assertThat(again.exitCode()).isZero();
        assertThat(again.changeCount()).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(ApiRequests.mutating(ws.cluster(i), RESOURCES))
                    .as("writes or dry runs on %s after apply", ws.cluster(i).name()).isEqualTo(before[i]);
            var c = ws.cluster(i);
            ApiRequests.assertSeesAKnownRequest("writes on " + c.name(), () -> ApiRequests.mutating(c, RESOURCES),
                    ApiRequests.dryRunCreate(c, "default"));
        }
        assertThat(deployment(0).getMetadata().getResourceVersion()).isEqualTo(rv);
        assertThat(deployment(0).getSpec().getRevisionHistoryLimit()).isEqualTo(10);
    }

    @Test
    void driftOnAnOwnedFieldIsPlannedAsUpdateAndApplyRevertsIt(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        ws.cluster(1).client().apps().deployments().inNamespace(ws.ns("app")).withName("web")
                .edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example/web:hacked");
                    return d;
                });

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json", "--detailed-exitcode");

        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
        var change = plan.change(ws.cluster(1).name(), "Deployment.apps/" + ws.ns("app") + "/web");
        assertThat(change.get("action").asText()).isEqualTo("update");
        assertThat(change.get("changedPaths")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                .as("only the edited field, nothing the server filled in").containsExactly(
                        "spec.template.spec.containers[name=web].image");
        assertThat(change.get("note").asText()).contains("reverts changes");
        assertThat(plan.action(ws.cluster(0).name(), "Deployment.apps/" + ws.ns("app") + "/web"))
                .isEqualTo("unchanged");

        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(ws.cluster(1).client().apps().deployments().inNamespace(ws.ns("app")).withName("web").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example/web:1.0");
        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode").exitCode()).isZero();
    }

    @Test
    void replicasOwnedByAnAutoscalerAreLeftAlone(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        autoscale(0, 5);

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json", "--detailed-exitcode");
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath());

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.action(ws.cluster(0).name(), web)).isEqualTo("unchanged");
        assertThat(apply.exitCode()).isZero();
        assertThat(deployment(0).getSpec().getReplicas()).isEqualTo(5);
    }

    /**
     * The fight docs/architecture.md (drift versus conflicts) and docs/adoption.md describe: the manifest sets
     * {@code replicas} and an autoscaler changes it through the scale subresource. The plan says it will revert the
     * autoscaler, apply does, and the clusters the autoscaler left alone plan nothing.
     */
    @Test
    void replicasInTheManifestAndAnAutoscalerFightAndThePlanSaysWhoseChangeItReverts(QuarkusMainLauncher launcher) {
        ws.write("app/web.yaml", Manifests.deployment("web", "registry.example/web:1.0")
                .replace("spec:\n  selector:", "spec:\n  replicas: 2\n  selector:"));
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        assertThat(deployment(0).getSpec().getReplicas()).isEqualTo(2);

        autoscale(0, 5);
        assertThat(deployment(0).getSpec().getReplicas()).isEqualTo(5);
        assertThat(deployment(0).getMetadata().getManagedFields())
                .as("the autoscaler wrote through the scale subresource under its own manager")
                .anySatisfy(m -> {
                    assertThat(m.getManager()).isEqualTo(AUTOSCALER);
                    assertThat(m.getSubresource()).isEqualTo("scale");
                });

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json", "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
        var change = plan.change(ws.cluster(0).name(), web);
        assertThat(change.get("action").asText()).isEqualTo("update");
        assertThat(change.get("changedPaths").toString()).isEqualTo("[\"spec.replicas\"]");
        assertThat(change.get("conflicts")).as("drift, not another applier's intent").isEmpty();
        assertThat(change.get("note").asText()).contains("reverts changes made by " + AUTOSCALER + " (scale)");
        for (int i = 1; i < 3; i++) {
            assertThat(plan.action(ws.cluster(i).name(), web)).as("not scaled on %s", ws.cluster(i).name())
                    .isEqualTo("unchanged");
        }

        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(deployment(0).getSpec().getReplicas()).as("the manifest's value wins").isEqualTo(2);
        var again = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode");
        assertThat(again.exitCode()).as("settled until the autoscaler acts again: %s", again).isZero();
    }

    /** What an HPA does at the API: a PUT of the scale subresource under the controller manager's field manager. */
    private void autoscale(int cluster, int replicas) {
        var ns = ws.ns("app");
        ws.cluster(cluster).client().raw("/apis/apps/v1/namespaces/" + ns + "/deployments/web/scale?fieldManager="
                + AUTOSCALER, "PUT", java.util.Map.of("apiVersion", "autoscaling/v1", "kind", "Scale",
                "metadata", java.util.Map.of("name", "web", "namespace", ns),
                "spec", java.util.Map.of("replicas", replicas)));
    }

    @Test
    void aSidecarInjectedByAnotherManagerIsNotAChange(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        // What a mutating webhook's controller does: add a container under its own field manager.
        ws.cluster(2).client().apps().deployments().inNamespace(ws.ns("app")).withName("web")
                .patch(new io.fabric8.kubernetes.client.dsl.base.PatchContext.Builder()
                        .withPatchType(io.fabric8.kubernetes.client.dsl.base.PatchType.STRATEGIC_MERGE)
                        .withFieldManager("sidecar-injector").build(), """
                        {"spec":{"template":{"spec":{"containers":[{"name":"proxy","image":"registry.example/proxy:1"}]}}}}
                        """);

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode");
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath());

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(apply.exitCode()).isZero();
        assertThat(ws.cluster(2).client().apps().deployments().inNamespace(ws.ns("app")).withName("web").get()
                .getSpec().getTemplate().getSpec().getContainers()).extracting(c -> c.getName())
                .containsExactlyInAnyOrder("web", "proxy");
    }

    @Test
    void aManifestChangeIsAnUpdateWithItsPathsAndAnUnchangedObjectIsNotDryRun(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        ws.write("app/web.yaml", Manifests.deployment("web", "registry.example/web:2.0"));
        var dryRunsBefore = ApiRequests.count(ws.cluster(0), Set.of("configmaps", "namespaces"), ApiRequests.MUTATING);

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");

        var change = plan.change(ws.cluster(0).name(), "Deployment.apps/" + ws.ns("app") + "/web");
        assertThat(change.get("action").asText()).isEqualTo("update");
        assertThat(change.get("changedPaths").toString()).contains("containers[name=web].image")
                .doesNotContain("replicas", "strategy", "revisionHistoryLimit");
        assertThat(ApiRequests.count(ws.cluster(0), Set.of("configmaps", "namespaces"), ApiRequests.MUTATING))
                .as("unchanged ConfigMap and Namespace are decided without a dry run").isEqualTo(dryRunsBefore);
        ApiRequests.assertSeesAKnownRequest("dry runs of ConfigMaps and Namespaces",
                () -> ApiRequests.count(ws.cluster(0), Set.of("configmaps", "namespaces"), ApiRequests.MUTATING),
                ApiRequests.dryRunCreate(ws.cluster(0), "default"));
    }

    private Deployment deployment(int cluster) {
        return ws.cluster(cluster).client().apps().deployments().inNamespace(ws.ns("app")).withName("web").get();
    }
}
