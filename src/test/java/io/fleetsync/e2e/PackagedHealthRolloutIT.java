package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged artifact (the native executable under {@code ./mvnw verify -Dnative}) with the fleet file's
 * {@code health:} rules and {@code rollout:} section: what native mode can break there is Google's CEL (dev.cel:
 * protobuf descriptors, Guava, ANTLR, built at class initialisation) compiling and evaluating an expression,
 * Jackson mapping the new fleet-file records, and the JSON report writing the health and rollout documents.
 */
@QuarkusMainIntegrationTest
class PackagedHealthRolloutIT {
    private final Clusters clusters = ClusterPool.instance().shared(1);

    @Test
    void celHealthRuleAndRolloutWavesPlanApplyAndWait(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws IOException {
        var ws = new Workspace(dir, clusters);
        var ns = ws.ns("native-health");
        var group = "nhealth-" + ws.id + ".fleetsync.test";
        ws.write("app/ns.yaml", Manifests.namespace(ns));
        ws.write("app/cfg.yaml", Manifests.configMap("cfg", "${cluster.name}"));
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
        var cluster = ws.cluster(0).name();
        var fleet = ws.fleet("""
                  - name: nhealth-%s
                    clusters: {names: [%s]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, cluster, ns));
        // No controller writes a Gadget's status: without the rule kstatus would call it Current for want of
        // conditions, so the reason and message below prove the CEL expression itself was evaluated.
        var current = "spec.size >= 1 && metadata.name == 'first'";
        Files.writeString(fleet, """
                health:
                  - group: %s
                    kind: Gadget
                    inProgress: "has(status.phase) && status.phase == 'Resizing'"
                    failed: "spec.size < 0"
                    current: "%s"
                rollout:
                  waves:
                    - {name: canary, clusters: {names: [%s]}, maxInFlight: 1, failureBudget: 0, soak: 1s}
                """.formatted(group, current, cluster), StandardOpenOption.APPEND);

        var validate = Run.of(launcher, "validate", "-f", ws.fleetPath());
        assertThat(validate.exitCode()).as(validate.toString()).isZero();

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.action(cluster, "ConfigMap/" + ns + "/cfg")).isEqualTo("create");
        var planned = wave(plan, "canary");
        assertThat(planned.get("state").asText()).isEqualTo("planned");
        assertThat(planned.get("clusters")).extracting(JsonNode::asText).containsExactly(cluster);
        assertThat(planned.get("soakMs").asLong()).isEqualTo(1000);

        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "--wait", "--wait-timeout", "60s", "-o",
                "json");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        var applied = wave(apply, "canary");
        assertThat(applied.get("state").asText()).isEqualTo("passed");
        assertThat(applied.get("reason").asText()).isEqualTo("soaked");
        var report = apply.json().get("clusters").get(0);
        assertThat(report.get("health").get("end").asText()).isEqualTo("current");
        var gadget = health(report, "Gadget." + group + "/" + ns + "/first");
        assertThat(gadget.get("status").asText()).isEqualTo("Current");
        assertThat(gadget.get("reason").asText()).isEqualTo("RuleMatched");
        assertThat(gadget.get("message").asText()).isEqualTo("rule: " + current);
        assertThat(health(report, "ConfigMap/" + ns + "/cfg").get("status").asText()).isEqualTo("Current");
        assertThat(health(report, "CustomResourceDefinition.apiextensions.k8s.io/gadgets." + group)
                .get("status").asText()).isEqualTo("Current");
    }

    @Test
    void anInvalidCelExpressionIsAFleetFileErrorNamingTheField(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws IOException {
        var fleet = Files.writeString(dir.resolve("fleet.yaml"), """
                clusters:
                  - name: one
                    server: https://127.0.0.1:1
                targets: []
                health:
                  - group: cache.example.com
                    kind: Cache
                    current: "status.phase == "
                """);

        var validate = Run.of(launcher, "validate", "-f", fleet.toString());

        assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(64);
        assertThat(validate.err()).containsPattern("fleet\\.yaml:\\d+:\\d+").contains("health[0].current")
                .contains("invalid CEL expression");
    }

    private static JsonNode wave(Run run, String name) {
        return StreamSupport.stream(run.json().get("rollout").get("waves").spliterator(), false)
                .filter(w -> w.get("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no wave " + name + " in " + run));
    }

    private static JsonNode health(JsonNode cluster, String subject) {
        return StreamSupport.stream(cluster.get("health").get("objects").spliterator(), false)
                .filter(o -> o.get("subject").asText().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no health of " + subject + " in " + cluster));
    }
}
