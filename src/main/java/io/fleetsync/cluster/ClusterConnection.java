package io.fleetsync.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/** An open client to one cluster; closing it releases its HTTP connections (the shared event loop stays). */
public record ClusterConnection(String cluster, KubernetesClient client, KubeApi api) implements AutoCloseable {
    @Override
    public void close() {
        client.close();
    }
}
