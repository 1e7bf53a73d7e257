package io.fleetsync.testing;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;

/**
 * How to reach one test cluster as an administrator: its API URL and certificates (base64, as in a kubeconfig).
 *
 * <p>The client certificate is in group {@code system:masters}, so RBAC never gets in a test's way.
 */
public record ClusterAccess(String name, String apiUrl, String caCertData, String clientCertData,
        String clientKeyData) {

    /**
     * A Fabric8 client configuration for this cluster alone.
     *
     * <p>Built from {@link Config#empty()} so JVM-wide system properties (which Quarkus' Kubernetes test resources
     * leave behind, e.g. {@code kubernetes.master}) cannot redirect it to another server.
     */
    public Config clientConfig() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(apiUrl)
                .withCaCertData(caCertData)
                .withClientCertData(clientCertData)
                .withClientKeyData(clientKeyData)
                .withNamespace("default")
                .withRequestRetryBackoffLimit(2)
                .build();
    }
}
