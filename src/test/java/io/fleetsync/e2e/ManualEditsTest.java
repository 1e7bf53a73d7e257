package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way people edit a field fleetsync applies by hand with the real kubectl — scale, set image, edit, patch,
 * label — is drift: planned as an update that reverts it (no conflict, no --force-conflicts), and apply reverts it.
 */
@QuarkusMainTest
class ManualEditsTest {
    private final Clusters clusters = ClusterPool.instance().shared(1);
    private Workspace ws;
    private String ns;
    private String subject;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        ns = ws.ns("edits");
        subject = "Deployment.apps/" + ns + "/web";
        ws.write("app/ns.yaml", Manifests.namespace(ns));
        ws.write("app/web.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels: {tier: web}
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                        - name: web
                          image: registry.example/web:1.0
                """);
        ws.fleet("""
                  - name: edits-%s
                    clusters: {names: [%s]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, ws.cluster(0).name(), ns));
    }

    @Test
    void kubectlScaleThroughTheScaleSubresourceIsDriftThatApplyReverts(QuarkusMainLauncher launcher) {
        var change = editThenPlan(launcher, () -> kubectl("scale", "deployment/web", "--replicas=5"));

        assertThat(paths(change)).containsExactly("spec.replicas");
        assertThat(change.get("note").asText()).contains("reverts changes made by kubectl (scale)");
        assertReverted(launcher, d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
    }

    @Test
    void kubectlSetImageIsDriftThatApplyReverts(QuarkusMainLauncher launcher) {
        var change = editThenPlan(launcher, () -> kubectl("set", "image", "deployment/web",
                "web=registry.example/web:hacked"));

        assertThat(paths(change)).containsExactly("spec.template.spec.containers[name=web].image");
        assertThat(change.get("note").asText()).contains("reverts changes made by kubectl-set");
        assertReverted(launcher, d -> assertThat(image(d)).isEqualTo("registry.example/web:1.0"));
    }

    @Test
    void kubectlEditIsDriftThatApplyReverts(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        var editor = dir.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nsed -i 's|registry.example/web:1.0|registry.example/web:edited|' \"$1\"\n");
        editor.toFile().setExecutable(true);

        var change = editThenPlan(launcher, () -> Kubectl.run(ws.cluster(0), Map.of("KUBE_EDITOR", editor.toString()),
                "-n", ns, "edit", "deployment/web"));

        assertThat(paths(change)).containsExactly("spec.template.spec.containers[name=web].image");
        assertThat(change.get("note").asText()).contains("reverts changes made by kubectl-edit");
        assertReverted(launcher, d -> assertThat(image(d)).isEqualTo("registry.example/web:1.0"));
    }

    @Test
    void kubectlPatchIsDriftThatApplyReverts(QuarkusMainLauncher launcher) {
        var change = editThenPlan(launcher, () -> kubectl("patch", "deployment/web", "-p",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"registry.example/web:patched\"}]}}}}"));

        assertThat(paths(change)).containsExactly("spec.template.spec.containers[name=web].image");
        assertThat(change.get("note").asText()).contains("reverts changes made by kubectl-patch");
        assertReverted(launcher, d -> assertThat(image(d)).isEqualTo("registry.example/web:1.0"));
    }

    @Test
    void kubectlLabelOverwritingAnAppliedLabelIsDriftThatApplyReverts(QuarkusMainLauncher launcher) {
        var change = editThenPlan(launcher, () -> kubectl("label", "deployment/web", "tier=hacked", "--overwrite"));

        assertThat(paths(change)).containsExactly("metadata.labels.tier");
        assertThat(change.get("note").asText()).contains("reverts changes made by kubectl-label");
        assertReverted(launcher, d -> assertThat(d.getMetadata().getLabels()).containsEntry("tier", "web"));
    }

    @Test
    void theDiffOfADriftedObjectShowsOnlyTheEditedLine(QuarkusMainLauncher launcher) {
        assertThat(Run.of(launcher, "apply", "-f", ws.fleetPath()).exitCode()).isZero();
        kubectl("set", "image", "deployment/web", "web=registry.example/web:hacked");

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json", "--diff");

        var diff = plan.change(ws.cluster(0).name(), subject).get("diff").asText();
        assertThat(diff.lines().filter(l -> (l.startsWith("-") || l.startsWith("+"))
                && !l.startsWith("---") && !l.startsWith("+++")))
                .as(diff).containsExactly("-          image: registry.example/web:hacked",
                        "+          image: registry.example/web:1.0");
    }

    /** Applies, runs the edit, plans: the edit must be an update without conflicts, on this object only. */
    private JsonNode editThenPlan(QuarkusMainLauncher launcher, Runnable edit) {
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        edit.run();

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json", "--detailed-exitcode");

        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(2);
        assertThat(plan.changeCount()).as(plan.out()).isEqualTo(1);
        var change = plan.change(ws.cluster(0).name(), subject);
        assertThat(change.get("action").asText()).isEqualTo("update");
        assertThat(change.get("conflicts")).as(plan.out()).isEmpty();
        return change;
    }

    /** Apply (without --force-conflicts) reverts the edit, and the next plan is clean. */
    private void assertReverted(QuarkusMainLauncher launcher, Consumer<Deployment> check) {
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        check.accept(ws.cluster(0).client().apps().deployments().inNamespace(ns).withName("web").get());
        var again = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode");
        assertThat(again.exitCode()).as(again.toString()).isZero();
    }

    private String kubectl(String... args) {
        var all = new String[args.length + 2];
        all[0] = "-n";
        all[1] = ns;
        System.arraycopy(args, 0, all, 2, args.length);
        return Kubectl.run(ws.cluster(0), all);
    }

    private static java.util.List<String> paths(JsonNode change) {
        var out = new java.util.ArrayList<String>();
        change.get("changedPaths").forEach(p -> out.add(p.asText()));
        return out;
    }

    private static String image(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }
}
