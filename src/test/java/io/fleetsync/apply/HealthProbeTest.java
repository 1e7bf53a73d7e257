package io.fleetsync.apply;

import io.fleetsync.health.*;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fleetsync.cluster.ClientSettings;
import io.fleetsync.cluster.ClusterConnector;
import io.fleetsync.cluster.RequestGate;
import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.Connection;
import io.fleetsync.resource.ResourceKey;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The probe the rollout's soak uses, and the wait's stop, on a real API server (no controllers run there, so the
 * Deployment never becomes available by itself).
 */
@QuarkusTest
class HealthProbeTest {
    @Inject
    ClusterConnector connector;

    private final RealCluster real = ClusterPool.instance().shared(1).get(0);

    @Test
    void checkReadsEachObjectsHealthOnce() {
        var ns = real.createUniqueNamespace("probe");
        real.client().configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("cfg")
                .endMetadata().addToData("LOG_LEVEL", "info").build()).create();
        var web = real.client().apps().deployments().inNamespace(ns).resource(deployment()).create();
        var objects = List.of(
                applied("", "ConfigMap", ns, "cfg", "/api/v1/namespaces/" + ns + "/configmaps/cfg", 0),
                applied("apps", "Deployment", ns, "web", "/apis/apps/v1/namespaces/" + ns + "/deployments/web",
                        web.getMetadata().getGeneration()),
                applied("", "ConfigMap", ns, "gone", "/api/v1/namespaces/" + ns + "/configmaps/gone", 0));
        try (var connection = connector.connect(cluster(), ClientSettings.defaults(), RequestGate.OPEN)) {
            var health = new HealthProbe(HealthRules.NONE).check(connection.api(), objects);

            assertThat(health).extracting(h -> h.health().status()).containsExactly(HealthStatus.CURRENT,
                    HealthStatus.IN_PROGRESS, HealthStatus.NOT_FOUND);
            assertThat(health.get(1).health().reason()).isEqualTo(HealthReason.GENERATION_NOT_OBSERVED);
        }
    }

    @Test
    void aStopEndsTheWaitAtOnceWithWhatItRead() {
        var ns = real.createUniqueNamespace("stop");
        var web = real.client().apps().deployments().inNamespace(ns).resource(deployment()).create();
        var objects = List.of(applied("apps", "Deployment", ns, "web",
                "/apis/apps/v1/namespaces/" + ns + "/deployments/web", web.getMetadata().getGeneration()));
        var settings = new WaitSettings(true, Duration.ofMinutes(5), Map.of(), HealthRules.NONE);
        try (var connection = connector.connect(cluster(), ClientSettings.defaults(), RequestGate.OPEN)) {
            // Stopped once the first round has read the object (the third look at the flag).
            var looks = new AtomicInteger();
            var stopped = new HealthWait(settings).await(connection.api(), objects, null,
                    () -> looks.incrementAndGet() > 2);

            assertThat(stopped.end()).isEqualTo(WaitEnd.STOPPED);
            assertThat(stopped.rounds()).isEqualTo(1);
            assertThat(stopped.objects().get(0).health().status()).isEqualTo(HealthStatus.IN_PROGRESS);
            assertThat(stopped.problem()).isEqualTo("stopped while waiting for health");

            // Positive control: without the stop the same wait goes on reading (here: a second round).
            var moreLooks = new AtomicInteger();
            var twoRounds = new HealthWait(settings).await(connection.api(), objects, null,
                    () -> moreLooks.incrementAndGet() > 2 + 1 + (int) (HealthWait.FIRST_INTERVAL.toMillis() / 100));
            assertThat(twoRounds.rounds()).isGreaterThan(1);
        }
    }

    private static AppliedObject applied(String group, String kind, String ns, String name, String path, long gen) {
        return new AppliedObject(new ResourceKey(group, kind, ns, name), path, "app", gen);
    }

    private Cluster cluster() {
        return new Cluster(real.name(), Map.of(), new Connection.Kubeconfig(real.kubeconfigFile(), real.name(), false));
    }

    private static io.fabric8.kubernetes.api.model.apps.Deployment deployment() {
        return new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("registry.example.com/shop/web:1.4.2")
                .endContainer().endSpec().endTemplate().endSpec().build();
    }
}
