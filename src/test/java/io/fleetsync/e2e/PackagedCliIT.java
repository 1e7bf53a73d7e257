package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged artifact as users run it, in its own process: the fast-jar under {@code ./mvnw verify}, the native
 * executable under {@code ./mvnw verify -Dnative}. It exercises what native mode can break: Jackson mapping the
 * fleet file onto records and writing the JSON report, YAML parsing with line numbers in errors, the HTTP client,
 * TLS to a real API server, the metrics writer and the Pushgateway client. Kept to a handful of launches on one
 * shared cluster.
 */
@QuarkusMainIntegrationTest
class PackagedCliIT {
    private final Clusters clusters = ClusterPool.instance().shared(1);

    @Test
    void validatePlanApplyAndReplanAgainstARealApiServer(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws IOException {
        var ws = new Workspace(dir, clusters);
        var ns = ws.ns("packaged");
        ws.write("app/ns.yaml", Manifests.namespace(ns));
        ws.write("app/cfg.yaml", Manifests.configMap("cfg", "${cluster.name}"));
        ws.write("app/secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: creds
                stringData:
                  password: never-shown
                """);
        // A CRD and one of its objects: apply waits for Established with a watch on that one CRD (cluster/ObjectWatch,
        // Fabric8's streaming HTTP API), a path that must work in the native executable too.
        var group = "packaged-" + ws.id + ".fleetsync.test";
        ws.write("app/crd.yaml", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: gadgets.%1$s
                spec:
                  group: %1$s
                  scope: Namespaced
                  names: {plural: gadgets, singular: gadget, kind: Gadget}
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec: {type: object, properties: {size: {type: integer}}}
                """.formatted(group));
        ws.write("app/gadget.yaml", """
                apiVersion: %s/v1
                kind: Gadget
                metadata:
                  name: first
                spec:
                  size: 3
                """.formatted(group));
        ws.fleet("""
                  - name: packaged-%s
                    clusters: {names: [%s]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, ws.cluster(0).name(), ns));
        var name = ws.cluster(0).name();

        var validate = Run.of(launcher, "validate", "-f", ws.fleetPath());
        assertThat(validate.exitCode()).as(validate.toString()).isZero();

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json", "--diff");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.json().get("apiVersion").asText()).isEqualTo("fleetsync.io/v1alpha1");
        assertThat(plan.action(name, "ConfigMap/" + ns + "/cfg")).isEqualTo("create");
        assertThat(plan.out()).doesNotContain("never-shown");

        var metrics = ws.dir.resolve("metrics/fleetsync.prom");
        List<String> pushes = new CopyOnWriteArrayList<>();
        var gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            pushes.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        gateway.start();
        Run apply;
        try {
            apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--shard", "0/1", "--metrics-file",
                    metrics.toString(), "--metrics-push-url", "http://127.0.0.1:" + gateway.getAddress().getPort());
        } finally {
            gateway.stop(0);
        }
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(pushes).as(apply.err()).anySatisfy(p -> assertThat(p)
                .startsWith("POST /metrics/job/fleetsync/command/apply/shard/0")
                .contains("fleetsync_run_success{command=\"apply\",shard=\"0\"} 1"));
        assertThat(ws.cluster(0).client().configMaps().inNamespace(ns).withName("cfg").get().getData())
                .containsEntry("key", name);
        assertThat(Files.readString(metrics))
                .contains("fleetsync_run_success{command=\"apply\",shard=\"0\"} 1")
                .contains("fleetsync_cluster_objects{action=\"create\",cluster=\"" + name + "\",command=\"apply\"} 5");
        assertThat(ws.cluster(0).client().genericKubernetesResources(group + "/v1", "Gadget").inNamespace(ns)
                .withName("first").get()).as("created once its CRD was Established").isNotNull();

        var replan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "markdown", "--detailed-exitcode");
        assertThat(replan.exitCode()).as(replan.toString()).isZero();
        assertThat(replan.out()).contains(name);
    }

    @Test
    void badInputNamesFileLineAndField(QuarkusMainLauncher launcher, @TempDir Path dir) throws IOException {
        var fleet = Files.writeString(dir.resolve("fleet.yaml"), """
                clusters:
                  - name: one
                    server: https://127.0.0.1:1
                    colour: blue
                targets: []
                """);

        var validate = Run.of(launcher, "validate", "-f", fleet.toString());

        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(64);
        assertThat(validate.err()).containsPattern("fleet\\.yaml:4:\\d+").contains("colour");
    }
}
