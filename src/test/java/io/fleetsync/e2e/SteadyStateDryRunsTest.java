package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "No dry runs on unchanged objects" for the kinds whose atomic parts the server fills in (env fieldRef, downward
 * API and projected volumes, Job pod failure policies, NetworkPolicy ports, webhook rules, StatefulSet claim
 * templates), counted at the API servers; a one-line manifest change is the positive control.
 */
@QuarkusMainTest
class SteadyStateDryRunsTest {
    private static final Set<String> RESOURCES = Set.of("namespaces", "deployments", "jobs", "statefulsets",
            "networkpolicies", "validatingwebhookconfigurations", "mutatingwebhookconfigurations");
    private final Clusters clusters = ClusterPool.instance().shared(2);
    private Workspace ws;
    private String ns;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        ns = ws.ns("steady");
        ws.write("app/ns.yaml", Manifests.namespace(ns));
        ws.write("app/web.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                        - name: web
                          image: registry.example/web:1.0
                          env:
                            - name: POD_NAME
                              valueFrom: {fieldRef: {fieldPath: metadata.name}}
                            - name: CPU_LIMIT
                              valueFrom: {resourceFieldRef: {resource: limits.cpu}}
                          resources:
                            limits: {cpu: 500m, memory: 128Mi}
                      volumes:
                        - name: podinfo
                          downwardAPI:
                            items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]
                        - name: token
                          projected:
                            sources:
                              - serviceAccountToken: {path: token}
                              - downwardAPI: {items: [{path: ns, fieldRef: {fieldPath: metadata.namespace}}]}
                """);
        ws.write("app/job.yaml", """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate}
                spec:
                  podFailurePolicy:
                    rules:
                      - action: Ignore
                        onPodConditions: [{type: DisruptionTarget}]
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: migrate
                          image: registry.example/migrate:1.0
                          env:
                            - name: NODE
                              valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
                """);
        ws.write("app/db.yaml", """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers: [{name: db, image: registry.example/db:1}]
                  volumeClaimTemplates:
                    - metadata: {name: data}
                      spec:
                        accessModes: [ReadWriteOnce]
                        resources: {requests: {storage: 1Gi}}
                """);
        ws.write("app/netpol.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                    - from: [{podSelector: {matchLabels: {app: client}}}]
                      ports: [{port: 8080}]
                  egress:
                    - to: [{namespaceSelector: {}}]
                      ports: [{port: 53, protocol: UDP}, {port: 53}]
                """);
        // failurePolicy Ignore and rules for a kind nobody writes: nothing ever calls these webhooks.
        ws.write("app/webhooks.yaml", """
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata: {name: validate-%1$s}
                webhooks:
                  - name: validate.example.com
                    admissionReviewVersions: [v1]
                    sideEffects: None
                    failurePolicy: Ignore
                    clientConfig:
                      service: {name: hook, namespace: %2$s, path: /validate}
                    rules:
                      - apiGroups: [example.com]
                        apiVersions: [v1]
                        operations: [CREATE, UPDATE]
                        resources: [widgets]
                ---
                apiVersion: admissionregistration.k8s.io/v1
                kind: MutatingWebhookConfiguration
                metadata: {name: mutate-%1$s}
                webhooks:
                  - name: mutate.example.com
                    admissionReviewVersions: [v1]
                    sideEffects: None
                    failurePolicy: Ignore
                    clientConfig:
                      service: {name: hook, namespace: %2$s, path: /mutate}
                    rules:
                      - apiGroups: [example.com]
                        apiVersions: [v1]
                        operations: [CREATE]
                        resources: [widgets]
                """.formatted(ws.id, ns));
        ws.fleet("""
                  - name: steady-%s
                    clusters: {names: [%s, %s]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, ws.cluster(0).name(), ws.cluster(1).name(), ns));
    }

    @Test
    void aSteadyStatePlanSendsZeroDryRunsAndOneChangedObjectExactlyOne(QuarkusMainLauncher launcher) {
        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        var before = counts();

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json", "--detailed-exitcode");

        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.changeCount()).isZero();
        assertThat(counts()).as("dry runs (or writes) of unchanged objects, per cluster").isEqualTo(before);

        // Positive control: one manifest change costs exactly one dry run per cluster, seen by the same counter.
        ws.write("app/netpol.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                    - from: [{podSelector: {matchLabels: {app: client}}}]
                      ports: [{port: 8081}]
                  egress:
                    - to: [{namespaceSelector: {}}]
                      ports: [{port: 53, protocol: UDP}, {port: 53}]
                """);
        var changed = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");

        assertThat(changed.changeCount()).as(changed.out()).isEqualTo(2);
        assertThat(changed.action(ws.cluster(0).name(), "NetworkPolicy.networking.k8s.io/" + ns + "/web"))
                .isEqualTo("update");
        var after = counts();
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i] - before[i]).as("dry runs on %s", ws.cluster(i).name()).isEqualTo(1);
        }
    }

    private long[] counts() {
        return ws.all().stream().mapToLong(c -> ApiRequests.mutating(c, RESOURCES)).toArray();
    }
}
