package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deletes that cascade (a CRD takes its custom resources, a namespace its contents) are checked while planning:
 * the plan shows the delete held back with the reason, apply does not attempt it and counts no error, and the
 * delete goes ahead once nothing but this run's own prunes would go with it.
 */
@QuarkusMainTest
class PruneGuardsTest {
    private final Clusters clusters = ClusterPool.instance().shared(1);
    private Workspace ws;
    private RealCluster cluster;
    private String ns;
    private String group;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        cluster = ws.cluster(0);
        ns = ws.ns("guards");
        group = "g" + ws.id + ".fleetsync.io";
        ws.write("app/ns.yaml", Manifests.namespace(ns));
        ws.write("app/crd.yaml", crd());
        ws.write("app/widget.yaml", """
                apiVersion: %s/v1
                kind: Widget
                metadata:
                  name: w1
                spec:
                  size: 3
                """.formatted(group));
        ws.fleet("""
                  - name: app-%1$s
                    clusters: {names: [%2$s]}
                    namespace: %3$s
                    resources: [app/]
                """.formatted(ws.id, cluster.name(), ns));
    }

    @Test
    void aCrdWhoseKindHasObjectsFleetsyncDoesNotOwnIsHeldBackInPlanAndApply(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        widgets().inNamespace("default").resource(foreignWidget("stranger")).create();
        ws.delete("app/crd.yaml");
        ws.delete("app/widget.yaml");

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var text = Run.of(launcher, "plan", "-f", ws.fleetPath());
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        var crdDelete = plan.change(cluster.name(), crdSubject());
        assertThat(crdDelete.get("action").asText()).as(plan.out()).isEqualTo("delete");
        assertThat(crdDelete.get("heldBack").get("reason").asText()).isEqualTo("crd-has-foreign-resources");
        assertThat(crdDelete.get("heldBack").get("count").asLong()).isEqualTo(1);
        assertThat(crdDelete.get("heldBack").get("example").asText()).isEqualTo("Widget." + group + "/default/stranger");
        assertThat(plan.change(cluster.name(), "Widget." + group + "/" + ns + "/w1").get("heldBack").isNull())
                .as("fleetsync's own widget is pruned").isTrue();
        assertThat(text.out()).contains("delete " + crdSubject() + "  held back: 1 Widget object fleetsync does not "
                + "own or still applies, e.g. Widget." + group + "/default/stranger");

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.status(cluster.name())).isEqualTo("ok");
        assertThat(apply.json().get("summary").get("errors").asLong()).isZero();
        var outcome = apply.change(cluster.name(), crdSubject()).get("outcome");
        assertThat(outcome.get("status").asText()).isEqualTo("skipped");
        assertThat(outcome.get("error").asText()).contains("held back");
        assertThat(crdExists()).as("CRD kept").isTrue();
        assertThat(widgets().inNamespace("default").withName("stranger").get()).as("foreign widget survives").isNotNull();
        assertThat(widgets().inNamespace(ns).withName("w1").get()).as("own widget pruned").isNull();

        // Positive control: once the foreign widget is gone, nothing holds the CRD back.
        widgets().inNamespace("default").withName("stranger").delete();
        awaitGone("default", "stranger");
        var pruned = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");
        assertThat(pruned.exitCode()).as(pruned.toString()).isZero();
        assertThat(pruned.change(cluster.name(), crdSubject()).get("outcome").get("status").asText()).isEqualTo("done");
        assertThat(crdGoneOrTerminating()).isTrue();
    }

    @Test
    void aCrdWhoseOnlyObjectsArePrunedInTheSameRunIsDeleted(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        ws.delete("app/crd.yaml");
        ws.delete("app/widget.yaml");

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(plan.change(cluster.name(), crdSubject()).get("heldBack").isNull()).as(plan.out()).isTrue();
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.change(cluster.name(), crdSubject()).get("outcome").get("status").asText()).isEqualTo("done");
        assertThat(crdGoneOrTerminating()).isTrue();
    }

    @Test
    void withAllowEmptyANamespaceHoldingForeignObjectsIsHeldBackWithoutAnError(QuarkusMainLauncher launcher) {
        ws.delete("app/crd.yaml");
        ws.delete("app/widget.yaml");
        ws.write("app/cm.yaml", Manifests.configMap("mine", "1"));
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        cluster.client().configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("someone-elses").endMetadata().addToData("key", "theirs").build()).create();
        ws.write("app/ns.yaml", "# nothing\n");
        ws.write("app/cm.yaml", "# nothing\n");

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--allow-empty", "-o", "json");
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--allow-empty", "-o", "json");

        var nsDelete = plan.change(cluster.name(), "Namespace/" + ns);
        assertThat(nsDelete.get("action").asText()).as(plan.out()).isEqualTo("delete");
        assertThat(nsDelete.get("heldBack").get("reason").asText()).isEqualTo("namespace-not-empty");
        assertThat(nsDelete.get("heldBack").get("example").asText()).isEqualTo("ConfigMap/" + ns + "/someone-elses");
        assertThat(plan.change(cluster.name(), "ConfigMap/" + ns + "/mine").get("heldBack").isNull()).isTrue();
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.status(cluster.name())).isEqualTo("ok");
        assertThat(apply.json().get("summary").get("errors").asLong()).isZero();
        assertThat(cluster.client().namespaces().withName(ns).get().getMetadata().getDeletionTimestamp()).isNull();
        assertThat(cluster.client().configMaps().inNamespace(ns).withName("someone-elses").get()).isNotNull();
        assertThat(cluster.client().configMaps().inNamespace(ns).withName("mine").get()).as("own object pruned")
                .isNull();

        // Positive control: the namespace is deleted once it holds nothing foreign.
        cluster.client().configMaps().inNamespace(ns).withName("someone-elses").delete();
        var pruned = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--allow-empty", "-o", "json");
        assertThat(pruned.exitCode()).as(pruned.toString()).isZero();
        var gone = cluster.client().namespaces().withName(ns).get();
        assertThat(gone == null || gone.getMetadata().getDeletionTimestamp() != null).isTrue();
    }

    private String crd() {
        return """
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
                """.formatted(group);
    }

    private String crdSubject() {
        return "CustomResourceDefinition.apiextensions.k8s.io/widgets." + group;
    }

    private GenericKubernetesResource foreignWidget(String name) {
        return new GenericKubernetesResourceBuilder().withApiVersion(group + "/v1").withKind("Widget")
                .withNewMetadata().withName(name).endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("size", 1))).build();
    }

    private io.fabric8.kubernetes.client.dsl.MixedOperation<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> widgets() {
        return cluster.client().genericKubernetesResources(new ResourceDefinitionContext.Builder()
                .withGroup(group).withVersion("v1").withKind("Widget").withPlural("widgets").withNamespaced(true)
                .build());
    }

    private boolean crdExists() {
        var crd = cluster.client().apiextensions().v1().customResourceDefinitions().withName("widgets." + group).get();
        return crd != null && crd.getMetadata().getDeletionTimestamp() == null;
    }

    private boolean crdGoneOrTerminating() {
        var crd = cluster.client().apiextensions().v1().customResourceDefinitions().withName("widgets." + group).get();
        return crd == null || crd.getMetadata().getDeletionTimestamp() != null;
    }

    private void awaitGone(String namespace, String name) {
        widgets().inNamespace(namespace).withName(name).waitUntilCondition(w -> w == null,
                30, java.util.concurrent.TimeUnit.SECONDS);
    }
}
