package io.fleetsync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithRealClusters(2)
class SharedClustersTest {

    @Test
    void oneKubeconfigReachesEachClusterThroughItsOwnContext(Clusters clusters, @TempDir Path dir) throws Exception {
        var file = clusters.writeKubeconfig(dir.resolve("kubeconfig"));
        var yaml = Files.readString(file);
        var namespace = clusters.get(0).createUniqueNamespace("contexts");

        try (var first = clientFor(yaml, "shared-1"); var second = clientFor(yaml, "shared-2")) {
            first.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
                    .withNewMetadata().withName("marker").endMetadata().build()).create();

            assertThat(first.getMasterUrl().toString()).startsWith(clusters.get(0).apiUrl());
            assertThat(second.getMasterUrl().toString()).startsWith(clusters.get(1).apiUrl());
            assertThat(first.configMaps().inNamespace(namespace).withName("marker").get()).isNotNull();
            assertThat(second.namespaces().withName(namespace).get()).isNull();
        }
    }

    @Test
    void testClassesShareThePoolsClusters(RealCluster first) {
        assertThat(ClusterPool.instance().shared(1).get(0)).isSameAs(first);
        assertThat(Config.fromKubeconfig(first.kubeconfigYaml()).getCurrentContext().getName()).isEqualTo("shared-1");
        assertThat(first.kubeconfigFile()).exists();
        assertThat(first.client().namespaces().withName("default").get()).isNotNull();
    }

    @Test
    void etcdAndTheApiServerListenOnLoopbackOnly(Clusters clusters) throws IOException {
        for (var process : clusters.get(1).processes()) {
            var cmdline = new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
            assertThat(cmdline).doesNotContain("0.0.0.0:");
            if (process.binary().equals("kube-apiserver")) {
                assertThat(cmdline).contains("--bind-address 127.0.0.1");
            } else {
                assertThat(cmdline).contains("--listen-client-urls http://127.0.0.1:");
            }
        }
    }

    private static io.fabric8.kubernetes.client.KubernetesClient clientFor(String kubeconfig, String context) {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(context, kubeconfig, null)).build();
    }
}
