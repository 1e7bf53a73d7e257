package io.fleetsync.cluster;

import io.fabric8.kubernetes.client.http.HttpClient;

/** An open client to one cluster; closing it releases its HTTP connection (the shared event loop stays). */
public record ClusterConnection(String cluster, HttpClient http, KubeApi api) implements AutoCloseable {
    @Override
    public void close() {
        http.close();
    }
}
