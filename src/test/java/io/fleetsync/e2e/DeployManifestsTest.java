package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.TestFiles;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/ is valid because fleetsync applies it: every manifest there goes to a real API server, a second plan finds
 * nothing to change, and the RBAC in deploy/rbac/ is enough for fleetsync — authenticated as the deployed
 * ServiceAccount — to apply, re-plan, restart and prune the bundled examples, and no more than that.
 */
@QuarkusMainTest
class DeployManifestsTest {
    // Fresh: the deploy manifests and examples use fixed cluster-scoped names (namespaces fleetsync and demo, the
    // ClusterRoles, the Widget CRD) that no shared cluster should carry.
    private static Clusters clusters;

    @BeforeAll
    static void start() {
        clusters = ClusterPool.instance().fresh(1);
    }

    @AfterAll
    static void stop() {
        clusters.close();
    }

    @Test
    void fleetsyncAppliesItsOwnDeployManifestsAndRunsTheExamplesWithTheirLeastPrivilegeRbac(
            QuarkusMainLauncher launcher, @TempDir Path dir) {
        var ws = new Workspace(dir, clusters);
        TestFiles.copyTree(Path.of("deploy"), ws.dir.resolve("deploy"));
        ws.fleet("""
                  - name: fleetsync-deploy
                    clusters: {names: [%s]}
                    resources: [deploy/]
                """.formatted(ws.cluster(0).name()));

        var apply = Run.of(launcher, "apply", "-f", ws.fleetPath(), "-o", "json");

        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        var name = ws.cluster(0).name();
        assertThat(apply.action(name, "CronJob.batch/fleetsync/fleetsync")).isEqualTo("create");
        var client = ws.cluster(0).client();
        var cron = client.batch().v1().cronjobs().inNamespace("fleetsync").withName("fleetsync").get();
        assertThat(cron.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(cron.getSpec().getJobTemplate().getSpec().getBackoffLimit()).isEqualTo(1);
        assertThat(cron.getSpec().getJobTemplate().getSpec().getActiveDeadlineSeconds()).isPositive();
        var sharded = client.batch().v1().cronjobs().inNamespace("fleetsync").withName("fleetsync-sharded").get()
                .getSpec().getJobTemplate().getSpec();
        assertThat(sharded.getCompletionMode()).isEqualTo("Indexed");
        assertThat(sharded.getTemplate().getSpec().getContainers().getFirst().getEnv())
                .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue())
                        .isEqualTo("FLEETSYNC_SHARDS=" + sharded.getCompletions()));
        assertThat(client.batch().v1().cronjobs().inNamespace("fleetsync").withName("fleetsync-git").get()
                .getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getInitContainers()).hasSize(1);
        var replan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "--detailed-exitcode");
        assertThat(replan.exitCode()).as("no spurious changes on the deploy manifests\n" + replan).isZero();

        // Now as the ServiceAccount the RBAC is bound to: the bundled examples need nothing beyond deploy/rbac/.
        var token = client.serviceAccounts().inNamespace("fleetsync").withName("fleetsync")
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .getStatus().getToken();
        ws.write("sa/token", token);
        ws.write("sa/ca.crt", new String(Base64.getDecoder().decode(ws.cluster(0).access().caCertData())));
        TestFiles.copyTree(Path.of("examples/base"), ws.dir.resolve("examples/base"));
        TestFiles.copyTree(Path.of("examples/crds"), ws.dir.resolve("examples/crds"));
        var saFleet = ws.write("sa-fleet.yaml", """
                clusters:
                  - name: as-fleetsync
                    server: %s
                    tokenFile: sa/token
                    caFile: sa/ca.crt
                    labels: {env: prod, region: eu}
                targets:
                  - name: base
                    clusters: {labels: {env: prod}}
                    namespace: demo
                    resources: [examples/base/]
                  - name: crds
                    clusters: {labels: {env: prod}}
                    namespace: demo
                    resources: ["examples/crds/*.yaml"]
                """.formatted(ws.cluster(0).apiUrl())).toString();

        var asServiceAccount = Run.of(launcher, "apply", "-f", saFleet, "-o", "json");
        assertThat(asServiceAccount.exitCode()).as(asServiceAccount.toString()).isZero();
        assertThat(asServiceAccount.action("as-fleetsync", "Deployment.apps/demo/demo")).isEqualTo("create");
        assertThat(Run.of(launcher, "plan", "-f", saFleet, "--detailed-exitcode").exitCode()).isZero();

        // A config change restarts the Deployment (list + patch apps), a removed manifest is pruned (delete).
        var config = ws.dir.resolve("examples/base/configmap.yaml");
        ws.write("examples/base/configmap.yaml", read(config).replace("GREETING: \"Hello", "GREETING: \"Hi"));
        ws.delete("examples/base/service.yaml");
        var changed = Run.of(launcher, "apply", "-f", saFleet, "-o", "json");
        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        assertThat(changed.action("as-fleetsync", "Service/demo/demo")).isEqualTo("delete");
        assertThat(client.apps().deployments().inNamespace("demo").withName("demo").get().getSpec().getTemplate()
                .getMetadata().getAnnotations()).containsKey("kubectl.kubernetes.io/restartedAt");

        // Least privilege: a kind the RBAC does not list is refused, with a readable reason.
        ws.write("examples/base/extra-sa.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: extra\n");
        var refused = Run.of(launcher, "apply", "-f", saFleet, "-o", "json");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out() + refused.err()).containsIgnoringCase("forbidden");
    }

    @Test
    void theFleetInTheConfigMapValidatesWhereTheCronJobMountsIt(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws IOException {
        var yaml = new ObjectMapper(new YAMLFactory());
        var data = yaml.readTree(Path.of("deploy/job/fleet-configmap.yaml").toFile()).get("data");
        var volumes = yaml.readTree(Path.of("deploy/job/cronjob.yaml").toFile())
                .at("/spec/jobTemplate/spec/template/spec/volumes");
        var fleetVolume = StreamSupport.stream(volumes.spliterator(), false)
                .filter(v -> v.path("configMap").path("name").asText().equals("fleetsync-fleet")).findFirst()
                .orElseThrow();
        var mount = dir.resolve("etc/fleetsync/fleet");
        for (var item : fleetVolume.at("/configMap/items")) {
            var file = mount.resolve(item.get("path").asText());
            Files.createDirectories(file.getParent());
            Files.writeString(file, data.get(item.get("key").asText()).asText());
        }
        assertThat(fleetVolume.at("/configMap/items")).as("every key is mounted").hasSize(data.size());
        // The pod's paths, moved under the temporary folder: its ServiceAccount token and the credentials Secret.
        var serviceAccount = dir.resolve("serviceaccount");
        Files.createDirectories(serviceAccount);
        Files.writeString(serviceAccount.resolve("token"), "token");
        Files.writeString(serviceAccount.resolve("ca.crt"),
                new String(Base64.getDecoder().decode(clusters.get(0).access().caCertData())));
        var credentials = dir.resolve("credentials");
        Files.createDirectories(credentials);
        var kubeconfig = yaml.readTree(Path.of("deploy/job/credentials-secret.yaml").toFile())
                .at("/stringData/kubeconfig").asText();
        Files.writeString(credentials.resolve("kubeconfig"), kubeconfig);
        var fleetFile = mount.resolve("fleet.yaml");
        Files.writeString(fleetFile, Files.readString(fleetFile)
                .replace("/var/run/secrets/kubernetes.io/serviceaccount", serviceAccount.toString())
                .replace("/etc/fleetsync/credentials", credentials.toString()));

        var validate = Run.of(launcher, "validate", "-f", fleetFile.toString());

        assertThat(validate.exitCode()).as(validate.toString()).isZero();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
