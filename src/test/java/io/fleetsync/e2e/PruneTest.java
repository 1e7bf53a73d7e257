package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pruning deletes exactly what fleetsync owns and no longer renders, and nothing when it cannot be sure. */
@QuarkusMainTest
class PruneTest {
    private final Clusters clusters = ClusterPool.instance().shared(1);
    private Workspace ws;
    private RealCluster cluster;
    private String ns1;
    private String ns2;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        cluster = ws.cluster(0);
        ns1 = ws.ns("one");
        ns2 = ws.ns("two");
        ws.write("app/ns.yaml", Manifests.namespace(ns1) + "---\n" + Manifests.namespace(ns2));
        ws.write("app/keep.yaml", Manifests.configMap("keep", "1"));
        ws.write("app/gone.yaml", Manifests.configMap("gone", "1"));
        ws.write("other/mine.yaml", Manifests.configMap("other-owned", "1"));
        ws.fleet("""
                  - name: app-%1$s
                    clusters: {names: [%2$s]}
                    namespace: %3$s
                    resources: [app/]
                  - name: other-%1$s
                    clusters: {names: [%2$s]}
                    namespace: %3$s
                    resources: [other/]
                """.formatted(ws.id, cluster.name(), ns1));
    }

    @Test
    void deletesOnlyOwnedObjectsThatAreNoLongerRendered(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        unowned(ns2, "gone");
        unowned(ns1, "stranger");
        ws.delete("app/gone.yaml");

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var deletes = plan.changes(cluster.name()).stream().filter(c -> c.get("action").asText().equals("delete"))
                .map(c -> c.get("subject").asText()).toList();
        assertThat(deletes).as(plan.out()).containsExactly("ConfigMap/" + ns1 + "/gone");

        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(cm(ns1, "gone")).isFalse();
        assertThat(cm(ns2, "gone")).as("unowned object of the same name").isTrue();
        assertThat(cm(ns1, "stranger")).as("unowned object in an owned namespace").isTrue();
        assertThat(cm(ns1, "other-owned")).as("another target's object").isTrue();
        assertThat(cm(ns1, "keep")).isTrue();
    }

    @Test
    void anObjectMovingToATargetLeftOutByTargetFilterIsNotPruned(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        ws.delete("app/gone.yaml");
        ws.write("other/gone.yaml", Manifests.configMap("gone", "1"));

        var onlyApp = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--target", "app-" + ws.id);
        assertThat(onlyApp.exitCode()).as(onlyApp.toString()).isZero();
        assertThat(cm(ns1, "gone")).as("now rendered by target other").isTrue();

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var change = plan.change(cluster.name(), "ConfigMap/" + ns1 + "/gone");
        assertThat(change.get("action").asText()).isEqualTo("adopt-needed");
        assertThat(change.get("note").asText()).contains("app-" + ws.id);
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath(), "--adopt").exitCode()).isZero();
        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode").exitCode()).isZero();
        assertThat(cm(ns1, "gone")).isTrue();
    }

    @Test
    void aNamespaceHoldingUnownedObjectsIsNotPrunedAnEmptyOneIs(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        unowned(ns2, "someone-elses");
        ws.write("app/ns.yaml", Manifests.namespace(ns1));

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var kept = Run.of(launcher, "apply", "-f", ws.fleetPath());

        // The plan promises the hold-back; apply keeps the promise and counts no error.
        var heldBack = plan.change(cluster.name(), "Namespace/" + ns2).get("heldBack");
        assertThat(heldBack.get("reason").asText()).as(plan.out()).isEqualTo("namespace-not-empty");
        assertThat(heldBack.get("example").asText()).isEqualTo("ConfigMap/" + ns2 + "/someone-elses");
        assertThat(kept.exitCode()).as(kept.toString()).isZero();
        assertThat(kept.out()).contains("held back: namespace " + ns2 + " holds 1 object fleetsync does not own")
                .contains("[held back]").contains("0 errors").contains("1 ok, 0 partial");
        assertThat(cluster.client().namespaces().withName(ns2).get().getMetadata().getDeletionTimestamp()).isNull();
        assertThat(cm(ns2, "someone-elses")).isTrue();

        cluster.client().configMaps().inNamespace(ns2).withName("someone-elses").delete();
        var pruned = Run.of(launcher, "apply", "-f", ws.fleetPath());
        assertThat(pruned.exitCode()).as(pruned.toString()).isZero();
        var gone = cluster.client().namespaces().withName(ns2).get();
        assertThat(gone == null || gone.getMetadata().getDeletionTimestamp() != null).isTrue();
    }

    @Test
    void maxDeletionsHoldsBackEveryDeleteOfTheCluster(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        ws.delete("app/gone.yaml");
        ws.delete("app/keep.yaml");

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--max-deletions", "1", "-o", "json");
        var held = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--max-deletions", "1", "-o", "json");

        for (var name : java.util.List.of("gone", "keep")) {
            var heldBack = plan.change(cluster.name(), "ConfigMap/" + ns1 + "/" + name).get("heldBack");
            assertThat(heldBack.get("reason").asText()).as(plan.out()).isEqualTo("max-deletions");
            assertThat(heldBack.get("count").asLong()).isEqualTo(2);
        }
        assertThat(held.exitCode()).as(held.toString()).isZero();
        assertThat(held.status(cluster.name())).isEqualTo("ok");
        assertThat(held.out()).contains("--max-deletions");
        assertThat(cm(ns1, "gone")).isTrue();
        assertThat(cm(ns1, "keep")).isTrue();
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath(), "--max-deletions", "2").exitCode()).isZero();
        assertThat(cm(ns1, "gone")).isFalse();
        assertThat(cm(ns1, "keep")).isFalse();
    }

    @Test
    void aTargetThatRendersNothingPrunesNothingUnlessAllowed(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        ws.write("other/mine.yaml", "# nothing here any more\n");

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath());
        var json = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath());

        assertThat(plan.out()).contains("renders no objects")
                .contains("delete ConfigMap/" + ns1 + "/other-owned  held back: target other-" + ws.id);
        assertThat(json.change(cluster.name(), "ConfigMap/" + ns1 + "/other-owned").get("heldBack").get("reason")
                .asText()).isEqualTo("empty-target");
        assertThat(apply.exitCode()).isZero();
        assertThat(cm(ns1, "other-owned")).isTrue();
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath(), "--allow-empty").exitCode()).isZero();
        assertThat(cm(ns1, "other-owned")).isFalse();
    }

    @Test
    void aFailedListDeletesNothing(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        ws.delete("app/gone.yaml");
        var token = limitedToken();
        ws.write("token", token);
        ws.write("ca.crt", new String(Base64.getDecoder().decode(cluster.access().caCertData())));
        ws.fleet("""
                  - name: %s
                    server: %s
                    tokenFile: token
                    caFile: ca.crt
                """.formatted(cluster.name(), cluster.apiUrl()), """
                  - name: app-%1$s
                    clusters: {names: [%2$s]}
                    namespace: %3$s
                    resources: [app/]
                """.formatted(ws.id, cluster.name(), ns1));

        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
        assertThat(apply.status(cluster.name())).isEqualTo("partial");
        assertThat(apply.out()).contains("pruning skipped").contains("listing ConfigMap");
        assertThat(apply.out() + apply.err()).doesNotContain(token);
        assertThat(cm(ns1, "gone")).isTrue();
    }

    /** A service account that may do everything with namespaces and config maps except list config maps. */
    private String limitedToken() {
        var client = cluster.client();
        var name = "limited-" + ws.id;
        client.serviceAccounts().inNamespace("default").resource(new ServiceAccountBuilder().withNewMetadata()
                .withName(name).endMetadata().build()).create();
        client.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName(name).endMetadata()
                .withRules(new PolicyRuleBuilder().withApiGroups("").withResources("namespaces").withVerbs("*").build(),
                        new PolicyRuleBuilder().withApiGroups("").withResources("configmaps")
                                .withVerbs("get", "create", "update", "patch", "delete").build())
                .build()).create();
        client.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", name)
                .addNewSubject().withKind("ServiceAccount").withName(name).withNamespace("default").endSubject()
                .build()).create();
        return client.serviceAccounts().inNamespace("default").withName(name)
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .getStatus().getToken();
    }

    private void unowned(String namespace, String name) {
        cluster.client().configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
                .withName(name).endMetadata().addToData("key", "mine").build()).create();
    }

    private boolean cm(String namespace, String name) {
        return cluster.client().configMaps().inNamespace(namespace).withName(name).get() != null;
    }
}
