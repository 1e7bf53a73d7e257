package io.fleetsync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** Proof that the harness gives tests real, separate API servers and leaves no process behind. */
class RealClustersTest {

    private static final Logger LOG = Logger.getLogger(RealClustersTest.class);

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: registry.example/web:1.0
            """;

    @Test
    void threeClustersStartTogetherFillServerDefaultsAndLeaveNoProcessBehind() throws Exception {
        var processes = new ArrayList<ClusterProcess>();
        var begin = System.nanoTime();
        try (var clusters = ClusterPool.instance().fresh(3)) {
            LOG.infof("3 fresh clusters ready after %.1f s: %s", (System.nanoTime() - begin) / 1e9, clusters);
            assertThat(clusters.all()).extracting(RealCluster::apiUrl).doesNotHaveDuplicates()
                    .allMatch(url -> url.startsWith("https://127.0.0.1:"));

            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                var applied = new ArrayList<Future<Deployment>>();
                for (var cluster : clusters.all()) {
                    applied.add(executor.submit(() -> createAndReadBack(cluster)));
                }
                for (var deployment : applied) {
                    var spec = deployment.get().getSpec();
                    assertThat(spec.getRevisionHistoryLimit()).isEqualTo(10);
                    assertThat(spec.getStrategy().getType()).isEqualTo("RollingUpdate");
                    assertThat(spec.getReplicas()).isEqualTo(1);
                }
            }

            for (var cluster : clusters.all()) {
                assertThat(cluster.processes()).extracting(ClusterProcess::binary)
                        .containsExactlyInAnyOrder("etcd", "kube-apiserver");
                assertThat(cluster.processes()).allMatch(ClusterProcess::isAlive);
                var rss = cluster.processes().stream().mapToLong(p -> p.peakRssKib().orElse(0)).sum();
                LOG.infof("%s: ready in %d ms, peak RSS etcd + kube-apiserver %d MiB", cluster.name(),
                        cluster.startup().toMillis(), rss / 1024);
                processes.addAll(cluster.processes());
            }
        }

        assertThat(processes).hasSize(6).noneMatch(ClusterProcess::isAlive);
        var pids = processes.stream().map(ClusterProcess::pid).toList();
        assertThat(ProcessHandle.current().children().map(ProcessHandle::pid)).doesNotContainAnyElementsOf(pids);
    }

    private static Deployment createAndReadBack(RealCluster cluster) {
        var namespace = cluster.createUniqueNamespace("proof");
        var client = cluster.client();
        client.resource(client.getKubernetesSerialization().unmarshal(DEPLOYMENT, Deployment.class))
                .inNamespace(namespace).create();
        return client.apps().deployments().inNamespace(namespace).withName("web").get();
    }
}
