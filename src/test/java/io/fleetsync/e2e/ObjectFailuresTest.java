package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fleetsync.resource.ApplySet;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admission that rejects some objects on a healthy cluster — a webhook whose service does not exist (HTTP 500
 * "failed calling webhook", failurePolicy Fail) and a ValidatingAdmissionPolicy denial served by kube-apiserver
 * itself — fails those objects alone: not retried, never counted by the breaker, every other write and delete on
 * that cluster done, and the report names the phase where it happened.
 */
@QuarkusMainTest
class ObjectFailuresTest {
    private static final int GUARDED = 8; // more than the breaker's 5 consecutive failures
    private static final int DENIED = 3;
    private final Clusters clusters = ClusterPool.instance().shared(1);
    private final List<HasMetadata> admission = new ArrayList<>();
    private Workspace ws;
    private RealCluster cluster;
    private String ns;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        cluster = ws.cluster(0);
        ns = ws.ns("admit");
        ws.write("app/ns.yaml", Manifests.namespace(ns));
        for (int i = 0; i < 5; i++) {
            ws.write("app/ok-" + i + ".yaml", Manifests.configMap("ok-" + i, "v1"));
        }
        ws.write("app/old.yaml", Manifests.configMap("old", "v1"));
        ws.fleet("""
                  - name: app-%s
                    clusters: {names: [%s]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, cluster.name(), ns));
    }

    @AfterEach
    void removeAdmission() {
        admission.forEach(a -> cluster.client().resource(a).delete());
    }

    private static String labelled(String name, String label) {
        return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: %s
                  labels: {%s}
                data:
                  key: v1
                """.formatted(name, label);
    }

    private String webhookLabel() {
        return "fleetsync.test/webhook-" + ws.id + ": guarded";
    }

    private String policyLabel() {
        return "fleetsync.test/policy-" + ws.id + ": checked";
    }

    /** A webhook for configmaps with the given labels, whose service does not exist: every call fails (500). */
    private void brokenWebhook(Map<String, String> matchLabels) {
        var labels = new StringBuilder();
        matchLabels.forEach((k, v) -> labels.append(k).append(": ").append(v).append(", "));
        var webhook = cluster.client().resource("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata:
                  name: broken-%1$s
                webhooks:
                  - name: broken-%1$s.fleetsync.test
                    failurePolicy: Fail
                    sideEffects: None
                    admissionReviewVersions: [v1]
                    timeoutSeconds: 5
                    clientConfig:
                      service: {name: missing-%1$s, namespace: default, path: /validate}
                    rules:
                      - {apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [configmaps]}
                    objectSelector:
                      matchLabels: {%2$s}
                """.formatted(ws.id, labels.substring(0, labels.length() - 2))).create();
        admission.add(webhook);
    }

    /** A CEL policy (no webhook server: kube-apiserver evaluates it) that denies labelled configmaps named deny-*. */
    private void denyingPolicy() {
        admission.add(cluster.client().resource("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicy
                metadata:
                  name: deny-%1$s
                spec:
                  failurePolicy: Fail
                  matchConstraints:
                    resourceRules:
                      - {apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [configmaps]}
                    objectSelector:
                      matchLabels: {fleetsync.test/policy-%1$s: checked}
                  validations:
                    - expression: "!object.metadata.name.startsWith('deny-')"
                      message: "names starting with deny- are not allowed here"
                """.formatted(ws.id)).create());
        admission.add(cluster.client().resource("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingAdmissionPolicyBinding
                metadata:
                  name: deny-%1$s
                spec:
                  policyName: deny-%1$s
                  validationActions: [Deny]
                """.formatted(ws.id)).create());
    }

    /** Admission configuration takes effect a moment after it is created: wait until a probe is rejected. */
    private void awaitRejected(String ns, Map<String, String> labels, String name) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            var probe = new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(ns).withLabels(labels)
                    .endMetadata().build();
            try {
                cluster.client().configMaps().inNamespace(ns).resource(probe).create();
                cluster.client().configMaps().inNamespace(ns).withName(name).delete();
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                return;
            }
            assertThat(System.nanoTime()).as("admission never took effect").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void rejectedObjectsFailAloneAndEverythingElseOnTheClusterIsDone(QuarkusMainLauncher launcher) {
        var first = Run.of(launcher, "apply", "-f", ws.fleetPath());
        assertThat(first.exitCode()).as(first.toString()).isZero();

        brokenWebhook(Map.of("fleetsync.test/webhook-" + ws.id, "guarded"));
        denyingPolicy();
        awaitRejected(ns, Map.of("fleetsync.test/webhook-" + ws.id, "guarded"), "probe-webhook");
        awaitRejected(ns, Map.of("fleetsync.test/policy-" + ws.id, "checked"), "deny-probe");
        for (int i = 0; i < GUARDED; i++) {
            ws.write("app/guarded-" + i + ".yaml", labelled("guarded-" + i, webhookLabel()));
        }
        for (int i = 0; i < DENIED; i++) {
            ws.write("app/deny-" + i + ".yaml", labelled("deny-" + i, policyLabel()));
        }
        ws.write("app/allowed.yaml", labelled("allowed", policyLabel()));
        ws.write("app/ok-0.yaml", Manifests.configMap("ok-0", "v2"));
        ws.write("app/new.yaml", Manifests.configMap("new", "v1"));
        ws.delete("app/old.yaml");

        long serverErrorsBefore = ApiRequests.countByCode(cluster, "500");
        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");
        long serverErrors = ApiRequests.countByCode(cluster, "500") - serverErrorsBefore;

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        var report = clusterReport(run);
        for (int i = 0; i < GUARDED; i++) {
            var outcome = run.change(cluster.name(), "ConfigMap/" + ns + "/guarded-" + i).get("outcome");
            assertThat(outcome.get("status").asText()).isEqualTo("failed");
            assertThat(outcome.get("error").asText()).contains("failed calling webhook");
        }
        for (int i = 0; i < DENIED; i++) {
            var outcome = run.change(cluster.name(), "ConfigMap/" + ns + "/deny-" + i).get("outcome");
            assertThat(outcome.get("status").asText()).isEqualTo("failed");
            assertThat(outcome.get("error").asText()).contains("denied", "names starting with deny- are not allowed");
        }
        assertThat(run.out()).doesNotContain("circuit breaker");
        assertThat(serverErrors).as("each webhook failure answered once: no retries").isEqualTo(GUARDED);
        // Everything else on that cluster: the update, the creates (one passing the policy) and the delete.
        for (var subject : List.of("ok-0", "new", "allowed", "old")) {
            var outcome = run.change(cluster.name(), "ConfigMap/" + ns + "/" + subject).get("outcome");
            assertThat(outcome.get("status").asText()).as(subject).isEqualTo("done");
        }
        assertThat(cluster.client().configMaps().inNamespace(ns).withName("old").get()).isNull();
        assertThat(cluster.client().configMaps().inNamespace(ns).withName("ok-0").get().getData())
                .containsEntry("key", "v2");
        assertThat(cluster.client().configMaps().inNamespace(ns).withName("guarded-0").get()).isNull();
        LargeTargetTest.assertCountsAddUp(run, GUARDED + DENIED + 4);
        assertThat(report.get("status").asText()).isEqualTo("partial");
        assertThat(report.get("phase").asText()).as("the writes failed, no restart ran").isEqualTo("apply");
    }

    @Test
    void aClusterThatFailsMidApplyGivesEveryPlannedChangeAnOutcome(QuarkusMainLauncher launcher) {
        // The ApplySet parent's write is rejected: the cluster cannot go on, and nothing was attempted.
        var target = "app-" + ws.id;
        brokenWebhook(Map.of(ApplySet.LABEL_ID, ApplySet.forTarget(target).id()));
        awaitRejected("kube-system", Map.of(ApplySet.LABEL_ID, ApplySet.forTarget(target).id()), "probe-" + ws.id);

        var run = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json", "-v");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        var report = clusterReport(run);
        assertThat(report.get("status").asText()).isEqualTo("failed");
        assertThat(report.get("phase").asText()).isEqualTo("apply");
        assertThat(report.get("error").asText()).contains("writing ApplySet parent", "failed calling webhook");
        for (var change : run.changes(cluster.name())) {
            var outcome = change.get("outcome");
            assertThat(outcome.get("status").asText()).as(change.toString()).isEqualTo("skipped");
            assertThat(outcome.get("error").asText()).as(change.toString())
                    .startsWith("not attempted: cluster failed during apply: writing ApplySet parent");
        }
        LargeTargetTest.assertCountsAddUp(run, 1 + 5 + 1);
    }

    private JsonNode clusterReport(Run run) {
        return run.json().get("clusters").get(0);
    }
}
