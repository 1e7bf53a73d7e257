package io.fleetsync.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.Connection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;

/** The only place a cluster's HTTP client is built: one per cluster, all on Quarkus' shared Vert.x. */
@ApplicationScoped
public class ClusterConnector {
    private static final String PKCS12_ROUNDS = "keystore.pkcs12.keyPbeIterationCount";
    private final SharedVertxHttpClients clients;
    private final ObjectMapper json = new ObjectMapper();
    private final Kubeconfigs kubeconfigs = new Kubeconfigs();

    @Inject
    public ClusterConnector(Vertx vertx) {
        this.clients = new SharedVertxHttpClients(vertx);
        // Fabric8 turns each client certificate into an in-memory PKCS12 key store, and the JDK protects a key in
        // it with 10,000 rounds of PBKDF2 — twice per cluster (store, then read back), a fifth of a no-op plan's CPU
        // at 50 clusters. The store never leaves memory, so one round protects nothing less. An explicit setting wins.
        if (System.getProperty(PKCS12_ROUNDS) == null) {
            System.setProperty(PKCS12_ROUNDS, "1");
        }
    }

    /** Builds the client; no request is sent yet. */
    public ClusterConnection connect(Cluster cluster, ClientSettings settings, RequestGate stop) {
        var cap = RateCap.of(settings.qps(), settings.burst());
        RequestGate gate = () -> {
            stop.beforeRequest();
            cap.beforeRequest();
        };
        var config = new ConfigBuilder(baseConfig(cluster.connection()))
                // Retries belong to fleetsync's per-cluster guard; Fabric8's own would multiply them.
                .withRequestRetryBackoffLimit(0)
                .withConnectionTimeout((int) settings.connectTimeout().toMillis())
                .withRequestTimeout((int) settings.requestTimeout().toMillis())
                .withMaxConcurrentRequests(Math.max(64, settings.maxInFlight()))
                .withMaxConcurrentRequestsPerHost(Math.max(64, settings.maxInFlight()))
                .build();
        // Only the HTTP client (with Fabric8's authentication: tokens, exec plugins, OIDC refresh): fleetsync speaks
        // raw REST, and a full KubernetesClient built its own serialization stack per cluster.
        var http = clients.newBuilder(config).build();
        var api = new KubeApi(http, config.getMasterUrl(), json, settings.maxInFlight(),
                settings.requestTimeout(), gate, new ClusterGuard(cluster.name(), settings));
        return new ClusterConnection(cluster.name(), http, api);
    }

    private Config baseConfig(Connection connection) {
        return switch (connection) {
            case Connection.Kubeconfig k -> {
                try {
                    var cfg = kubeconfigs.forContext(k.kubeconfig(), k.context());
                    yield k.insecureSkipTlsVerify()
                            ? new ConfigBuilder(cfg).withTrustCerts(true).withDisableHostnameVerification(true).build()
                            : cfg;
                } catch (IOException e) {
                    throw new ApiException("cannot read kubeconfig " + k.kubeconfig() + ": " + e.getMessage(), e);
                }
            }
            case Connection.Token t -> {
                var b = new ConfigBuilder(Config.empty())
                        .withMasterUrl(t.server())
                        .withOauthToken(t.token().value())
                        .withTrustCerts(t.insecureSkipTlsVerify())
                        .withDisableHostnameVerification(t.insecureSkipTlsVerify());
                if (t.caFile() != null) {
                    b.withCaCertFile(t.caFile().toString());
                }
                yield b.build();
            }
        };
    }
}
