package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adopting what {@code kubectl apply --server-side} created from the same files: fields holding the desired value
 * are taken over without --force-conflicts (quantities the server respelled included), kubectl no longer co-owns
 * them afterwards, and a field holding another value is still a reported conflict.
 */
@QuarkusMainTest
class AdoptionTest {
    private final Clusters clusters = ClusterPool.instance().shared(1);
    private Workspace ws;
    private String ns;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        ns = ws.ns("adopt");
        ws.write("ns/ns.yaml", Manifests.namespace(ns));
        // limits {cpu: 1000m, memory: 0.125Gi} are stored as 1 and 128Mi: the same values, other spellings.
        ws.write("app/web.yaml", Manifests.deployment("web", "registry.example/web:1.0"));
        ws.write("app/cfg.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg}
                data: {a: "1", b: "2"}
                """);
        ws.fleet("""
                  - name: adopt-%s
                    clusters: {names: [%s]}
                    namespace: %s
                    resources: [ns/, app/]
                """.formatted(ws.id, ws.cluster(0).name(), ns));
    }

    @Test
    void fieldsKubectlSetToTheSameValuesAreTakenOverAndNoLongerCoOwned(QuarkusMainLauncher launcher) {
        kubectl("apply", "--server-side", "-f", ws.dir.resolve("ns").toString());
        kubectl("apply", "--server-side", "-n", ns, "-f", ws.dir.resolve("app").toString());
        assertThat(Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json").action(ws.cluster(0).name(),
                deployment())).isEqualTo("adopt-needed");

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json", "--adopt");

        var web = plan.change(ws.cluster(0).name(), deployment());
        assertThat(web.get("action").asText()).as(plan.out()).isEqualTo("update");
        assertThat(web.get("conflicts")).as(plan.out()).isEmpty();
        assertThat(web.get("note").asText()).contains("takes over fields set to the same values by kubectl");

        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json", "--adopt");

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        for (var name : List.of("web", "cfg")) {
            assertThat(managers(name)).as("managedFields of %s after adoption", name)
                    .noneMatch(m -> m.getManager().equals("kubectl") && m.getOperation().equals("Apply"));
        }
        var again = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode");
        assertThat(again.exitCode()).as(again.toString()).isZero();

        // Now fleetsync's alone: a key removed from the manifest is removed from the object.
        ws.write("app/cfg.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg}
                data: {a: "1"}
                """);
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        assertThat(ws.cluster(0).client().configMaps().inNamespace(ns).withName("cfg").get().getData())
                .containsOnlyKeys("a");
    }

    @Test
    void aFieldKubectlSetToAnotherValueStaysAReportedConflict(QuarkusMainLauncher launcher) {
        kubectl("apply", "--server-side", "-f", ws.dir.resolve("ns").toString());
        kubectl("apply", "--server-side", "-n", ns, "-f", ws.dir.resolve("app").toString());
        ws.write("app/web.yaml", Manifests.deployment("web", "registry.example/web:2.0"));

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json", "--adopt");
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json", "--adopt");

        JsonNode web = plan.change(ws.cluster(0).name(), deployment());
        assertThat(web.get("action").asText()).isEqualTo("update");
        var image = "spec.template.spec.containers[name=web].image";
        assertThat(web.get("changedPaths").toString()).contains(image);
        assertThat(web.get("conflicts")).extracting(JsonNode::asText).as(plan.out())
                .containsExactly(image + ": conflict with \"kubectl\"");
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(1);
        assertThat(ws.cluster(0).client().apps().deployments().inNamespace(ns).withName("web").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example/web:1.0");
        assertThat(apply.action(ws.cluster(0).name(), "ConfigMap/" + ns + "/cfg")).isEqualTo("update");
    }

    private List<ManagedFieldsEntry> managers(String name) {
        var client = ws.cluster(0).client();
        var meta = name.equals("web") ? client.apps().deployments().inNamespace(ns).withName(name).get().getMetadata()
                : client.configMaps().inNamespace(ns).withName(name).get().getMetadata();
        return meta.getManagedFields();
    }

    private String deployment() {
        return "Deployment.apps/" + ns + "/web";
    }

    private void kubectl(String... args) {
        Kubectl.run(ws.cluster(0), args);
    }
}
