package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRDs with their resources, immutable fields, adoption, conflicts and restarts on a real API server. */
@QuarkusMainTest
class LifecycleTest {
    private final Clusters clusters = ClusterPool.instance().shared(1);
    private Workspace ws;
    private RealCluster cluster;
    private String ns;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        cluster = ws.cluster(0);
        ns = ws.ns("life");
        ws.write("app/ns.yaml", Manifests.namespace(ns));
        ws.fleet("""
                  - name: life-%s
                    clusters: {names: [%s]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, cluster.name(), ns));
    }

    @Test
    void crdAndItsCustomResourceApplyInOneRunOnAClusterThatHasNeither(QuarkusMainLauncher launcher) {
        var group = "g" + ws.id + ".fleetsync.io";
        ws.write("app/crd.yaml", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.%1$s
                spec:
                  group: %1$s
                  scope: Namespaced
                  names: {plural: widgets, singular: widget, kind: Widget}
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              properties:
                                size: {type: integer}
                """.formatted(group));
        ws.write("app/widget.yaml", """
                apiVersion: %s/v1
                kind: Widget
                metadata:
                  name: w1
                spec:
                  size: 3
                """.formatted(group));

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.action(cluster.name(), "Widget." + group + "/" + ns + "/w1")).isEqualTo("create");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        var widget = cluster.client().genericKubernetesResources(new ResourceDefinitionContext.Builder()
                .withGroup(group).withVersion("v1").withKind("Widget").withPlural("widgets").withNamespaced(true)
                .build()).inNamespace(ns).withName("w1").get();
        assertThat(widget).isNotNull();
        assertThat(((java.util.Map<?, ?>) widget.getAdditionalProperties().get("spec")).get("size")).isEqualTo(3);
        var again = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode");
        assertThat(again.exitCode()).as(again.toString()).isZero();
    }

    @Test
    void anImmutableChangeIsPlannedAsReplaceAndNeedsForceReplace(QuarkusMainLauncher launcher) {
        ws.write("app/web.yaml", Manifests.deployment("web", "registry.example/web:1.0", "web"));
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        ws.write("app/web.yaml", Manifests.deployment("web", "registry.example/web:1.0", "web-v2"));

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var refused = Run.of(launcher, "apply", "-f", ws.fleetPath());

        var change = plan.change(cluster.name(), "Deployment.apps/" + ns + "/web");
        assertThat(change.get("action").asText()).isEqualTo("replace");
        assertThat(change.get("changedPaths").toString()).contains("spec.selector");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out()).contains("--force-replace");
        assertThat(selector()).isEqualTo("web");

        var forced = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--force-replace");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(selector()).isEqualTo("web-v2");
    }

    @Test
    void anExistingUnownedObjectNeedsAdoptionAndIsNeverSilentlyTakenOver(QuarkusMainLauncher launcher) {
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
                .build()).create();
        cluster.client().configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("pre").endMetadata().addToData("key", "hand-made").build()).create();
        ws.write("app/ns.yaml", "# the namespace already exists\n");
        ws.write("app/pre.yaml", Manifests.configMap("pre", "from-git"));

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath());

        assertThat(plan.action(cluster.name(), "ConfigMap/" + ns + "/pre")).isEqualTo("adopt-needed");
        assertThat(apply.out()).contains("--adopt");
        assertThat(data("pre")).isEqualTo("hand-made");

        var adopt = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--adopt");
        assertThat(adopt.exitCode()).as(adopt.toString()).isZero();
        assertThat(data("pre")).isEqualTo("from-git");
        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode").exitCode()).isZero();
    }

    @Test
    void aConflictWithAnotherApplierIsReportedAndOnlyForcedOnRequest(QuarkusMainLauncher launcher) {
        ws.write("app/cfg.yaml", Manifests.configMap("cfg", "ours"));
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        cluster.client().configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("cfg").endMetadata().addToData("key", "theirs").build())
                .fieldManager("other-gitops").forceConflicts().serverSideApply();

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath());

        var change = plan.change(cluster.name(), "ConfigMap/" + ns + "/cfg");
        assertThat(change.get("action").asText()).isEqualTo("update");
        assertThat(change.get("conflicts").toString()).contains("other-gitops");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
        assertThat(data("cfg")).isEqualTo("theirs");

        var forced = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--force-conflicts");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(data("cfg")).isEqualTo("ours");
    }

    @Test
    void aChangedRestartOnChangeConfigRestartsTheWorkloadsThatUseItOnlyOnRealApply(QuarkusMainLauncher launcher) {
        ws.write("app/cfg.yaml", restartingConfig("v1"));
        ws.write("app/web.yaml", Manifests.deployment("web", "registry.example/web:1.0").replace(
                "          image: registry.example/web:1.0\n",
                "          image: registry.example/web:1.0\n          envFrom: [{configMapRef: {name: app-config}}]\n"));
        ws.write("app/other.yaml", Manifests.deployment("other", "registry.example/other:1.0"));
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        assertThat(restartedAt("web")).as("created workloads are not restarted").isNull();
        ws.write("app/cfg.yaml", restartingConfig("v2"));

        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath()).exitCode()).isZero();
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath(), "--dry-run").exitCode()).isZero();
        assertThat(restartedAt("web")).as("never in plan or dry run").isNull();

        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(restartedAt("web")).isNotNull();
        assertThat(restartedAt("other")).as("does not use the config").isNull();
        assertThat(apply.out()).contains("rollout restart");
        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode").exitCode())
                .as("the restart annotation is not drift").isZero();
    }

    private static String restartingConfig(String value) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: app-config
                  annotations: {fleetsync.io/restart-on-change: "true"}
                data:
                  version: %s
                """.formatted(value);
    }

    private String restartedAt(String deployment) {
        var annotations = cluster.client().apps().deployments().inNamespace(ns).withName(deployment).get()
                .getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get("kubectl.kubernetes.io/restartedAt");
    }

    private String selector() {
        return cluster.client().apps().deployments().inNamespace(ns).withName("web").get().getSpec().getSelector()
                .getMatchLabels().get("app");
    }

    private String data(String name) {
        return cluster.client().configMaps().inNamespace(ns).withName(name).get().getData().get("key");
    }
}
