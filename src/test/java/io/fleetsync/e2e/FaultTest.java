package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Toxiproxy;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten clusters, one faulty, behind a real fault-injection proxy: the healthy nine always complete, the faulty one
 * is reported in one readable line, nothing is deleted where a list failed, and the run keeps its deadline.
 */
@QuarkusMainTest
class FaultTest {
    private static final int FAULTY = 3;
    private static Toxiproxy toxiproxy;
    private SimulatedFleet sim;
    private String fleet;

    @BeforeAll
    static void proxy() {
        toxiproxy = Toxiproxy.start();
    }

    @AfterAll
    static void stopProxy() {
        toxiproxy.close();
    }

    @BeforeEach
    void fleet(@TempDir Path dir) {
        var servers = ClusterPool.instance().shared(2);
        sim = new SimulatedFleet(new Workspace(dir, servers), toxiproxy, servers.all());
    }

    /** Applies everything healthy, then drops one ConfigMap from the manifests so a good run would prune it. */
    private void convergeThenRemoveOne(QuarkusMainLauncher launcher) {
        fleet = sim.write("old.yaml", Manifests.configMap("old", "x"));
        var first = Run.of(launcher, "apply", "-f", fleet, "-q");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        sim.ws.delete("sim/old.yaml");
    }

    private Run applyWithFault(QuarkusMainLauncher launcher, String... flags) {
        var args = new java.util.ArrayList<>(java.util.List.of("apply", "-f", fleet, "-o", "json"));
        args.addAll(java.util.List.of(flags));
        return Run.of(launcher, args.toArray(String[]::new));
    }

    private void assertHealthyCompletedAndFaultyReported(Run run) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        for (int i = 0; i < SimulatedFleet.SIZE; i++) {
            if (i == FAULTY) {
                continue;
            }
            assertThat(run.status(sim.name(i))).as(run.out()).isEqualTo("ok");
            assertThat(sim.configMapExists(i, "old")).as("pruned on healthy " + sim.name(i)).isFalse();
        }
        var faulty = cluster(run, FAULTY);
        assertThat(faulty.get("status").asText()).isEqualTo("failed");
        assertThat(faulty.get("error").asText()).doesNotContain("\n", "Exception", "\tat ");
        assertThat(run.err()).doesNotContain("\tat ", "Exception:");
        assertThat(sim.configMapExists(FAULTY, "old")).as("nothing deleted on the faulty cluster").isTrue();
    }

    private static com.fasterxml.jackson.databind.JsonNode cluster(Run run, int i) {
        return run.json().get("clusters").get(i);
    }

    @Test
    void aBlackHoledClusterFailsWithinItsDeadlineAndTheOthersComplete(QuarkusMainLauncher launcher) throws Exception {
        convergeThenRemoveOne(launcher);
        sim.proxies.get(FAULTY).toxics().timeout("blackhole", ToxicDirection.DOWNSTREAM, 0);

        var run = applyWithFault(launcher, "--cluster-timeout", "20s", "--request-timeout", "3s");

        assertHealthyCompletedAndFaultyReported(run);
        assertThat(run.json().get("durationMs").asLong()).as("deadline 20 s + 10 %").isLessThanOrEqualTo(22_000);
    }

    @Test
    void aClusterRefusingConnectionsFailsFast(QuarkusMainLauncher launcher) throws Exception {
        convergeThenRemoveOne(launcher);
        sim.proxies.get(FAULTY).disable();

        var run = applyWithFault(launcher);

        assertHealthyCompletedAndFaultyReported(run);
        assertThat(cluster(run, FAULTY).get("error").asText()).contains("connection refused");
        assertThat(run.json().get("durationMs").asLong()).isLessThan(15_000);
    }

    @Test
    void aClusterResettingConnectionsMidResponseFails(QuarkusMainLauncher launcher) throws Exception {
        convergeThenRemoveOne(launcher);
        sim.proxies.get(FAULTY).toxics().limitData("cut", ToxicDirection.DOWNSTREAM, 2000);

        var run = applyWithFault(launcher, "--cluster-timeout", "30s");

        assertHealthyCompletedAndFaultyReported(run);
    }

    @Test
    void aSlowClusterCompletesAfterItsLatency(QuarkusMainLauncher launcher) throws Exception {
        convergeThenRemoveOne(launcher);
        sim.proxies.get(FAULTY).toxics().latency("slow", ToxicDirection.DOWNSTREAM, 2000);

        var run = applyWithFault(launcher);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(cluster(run, FAULTY).get("status").asText()).isEqualTo("ok");
        long slow = cluster(run, FAULTY).get("durationMs").asLong();
        assertThat(slow).isGreaterThanOrEqualTo(2000);
        assertThat(sim.configMapExists(FAULTY, "old")).isFalse();
        // No barrier: every healthy cluster finished its whole pipeline while the slow one was still working.
        for (int i = 0; i < SimulatedFleet.SIZE; i++) {
            if (i != FAULTY) {
                assertThat(cluster(run, i).get("durationMs").asLong()).isLessThan(slow / 2);
            }
        }
        var progress = run.err().lines().filter(l -> l.startsWith("[")).toList();
        assertThat(progress.get(progress.size() - 1)).contains(sim.name(FAULTY));
    }

    @Test
    void rejectedCredentialsFailTheirClusterWithoutRetries(QuarkusMainLauncher launcher) {
        var admin = sim.upstreams.get(FAULTY + 1).client();
        var name = "nobody-" + sim.ws.id;
        admin.serviceAccounts().inNamespace("default").resource(new ServiceAccountBuilder().withNewMetadata()
                .withName(name).endMetadata().build()).create();
        var token = admin.serviceAccounts().inNamespace("default").withName(name).tokenRequest(
                new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .getStatus().getToken();
        sim.useToken(FAULTY, "sentinel-token-not-valid-0123456789");
        sim.useToken(FAULTY + 1, token);
        fleet = sim.write();

        var run = applyWithFault(launcher);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        var unauthorized = cluster(run, FAULTY);
        var forbidden = cluster(run, FAULTY + 1);
        assertThat(unauthorized.get("status").asText()).isEqualTo("failed");
        assertThat(unauthorized.get("error").asText()).contains("401");
        assertThat(forbidden.get("status").asText()).isEqualTo("failed");
        assertThat(forbidden.get("error").asText()).contains("403").contains("forbidden");
        assertThat(unauthorized.get("durationMs").asLong()).as("4xx is not retried").isLessThan(1500);
        assertThat(forbidden.get("durationMs").asLong()).as("4xx is not retried").isLessThan(1500);
        assertThat(run.out() + run.err()).doesNotContain("sentinel-token-not-valid", token);
        for (int i = 0; i < SimulatedFleet.SIZE; i++) {
            if (i != FAULTY && i != FAULTY + 1) {
                assertThat(run.status(sim.name(i))).isEqualTo("ok");
            }
        }
    }
}
