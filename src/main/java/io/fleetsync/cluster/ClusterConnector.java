package io.fleetsync.cluster;

import io.fleetsync.kubeconfig.InvalidExecEntry;
import io.fleetsync.kubeconfig.Kubeconfigs;
import io.fleetsync.kubeconfig.ExecPlugin;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.Connection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.fabric8.kubernetes.client.utils.TokenRefreshInterceptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/** The only place a cluster's HTTP client is built: one per cluster, all on Quarkus' shared Vert.x. */
@ApplicationScoped
public class ClusterConnector {
    private final SharedVertxHttpClients clients;
    private final ObjectMapper json = new ObjectMapper();
    private final Kubeconfigs kubeconfigs = new Kubeconfigs();
    /** Exec plugin credentials for the run (one ClusterConnector per run), shared by every cluster of a user. */
    private final ExecCredentials execCredentials = new ExecCredentials(
            new ExecPluginRunner(json, System.getenv(), Clock.systemUTC())::run, Clock.systemUTC());

    @Inject
    public ClusterConnector(Vertx vertx) {
        // The PKCS12 rounds that make client certificates cheap are set once at start-up: KeyStoreRounds.
        this.clients = new SharedVertxHttpClients(vertx);
    }

    /**
     * Builds the client; no request is sent yet. A kubeconfig user with an exec plugin gets its credential here (the
     * plugin runs unless another cluster of the same user already ran it), so a failing plugin fails this cluster.
     */
    public ClusterConnection connect(Cluster cluster, ClientSettings settings, RequestGate stop) {
        var cap = RateCap.of(settings.qps(), settings.burst());
        RequestGate gate = () -> {
            stop.beforeRequest();
            cap.beforeRequest();
            // A wait for the cap can be long: a stop that came meanwhile must still keep the request from going out.
            stop.beforeRequest();
        };
        var auth = baseConfig(cluster.connection());
        var config = new ConfigBuilder(withExecCertificate(auth))
                // Retries belong to fleetsync's per-cluster guard; Fabric8's own would multiply them.
                .withRequestRetryBackoffLimit(0)
                .withConnectionTimeout((int) settings.connectTimeout().toMillis())
                .withRequestTimeout((int) settings.requestTimeout().toMillis())
                .withMaxConcurrentRequests(Math.max(64, settings.maxInFlight()))
                .withMaxConcurrentRequestsPerHost(Math.max(64, settings.maxInFlight()))
                .build();
        // Only the HTTP client (with Fabric8's authentication: tokens, exec plugins, OIDC refresh): fleetsync speaks
        // raw REST, and a full KubernetesClient built its own serialization stack per cluster.
        var trust = ClusterTrust.of(config);
        var builder = clients.newBuilder(trust.isPresent() ? ClusterTrust.withoutCertificates(config) : config);
        trust.ifPresent(managers -> builder.sslContext(keyManagers(config), managers));
        // A certificate-only credential needs no token on each request.
        auth.exec().filter(exec -> exec.first().token() != null).ifPresent(exec -> builder.addOrReplaceInterceptor(TokenRefreshInterceptor.NAME,
                new ExecCredentialInterceptor(execCredentials, exec.plugin())));
        var http = builder.build();
        var api = new KubeApi(http, config.getMasterUrl(), json, settings.maxInFlight(),
                settings.requestTimeout(), gate, new ClusterGuard(cluster.name(), settings));
        return new ClusterConnection(cluster.name(), http, api);
    }

    /** The client certificate's key managers, built by Fabric8 as it would have in the builder. */
    private static javax.net.ssl.KeyManager[] keyManagers(Config config) {
        try {
            return io.fabric8.kubernetes.client.internal.SSLUtils.keyManagers(config);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new ApiException("cannot read the client certificate: " + e.getMessage(), e);
        }
    }

    /** Fabric8's config, and the exec plugin's first credential when the kubeconfig user has one. */
    private record Auth(Config config, Optional<ExecAuth> exec) {
    }

    private record ExecAuth(ExecPlugin plugin, ExecCredential first) {
    }

    /**
     * A client certificate from a plugin goes into the TLS set-up, which is built once per client: it is used for
     * the whole run, not refreshed at its expiry (a run is usually shorter than a certificate's life).
     */
    private static Config withExecCertificate(Auth auth) {
        if (auth.exec().isEmpty() || !auth.exec().get().first().hasCertificate()) {
            return auth.config();
        }
        var first = auth.exec().get().first();
        var base64 = Base64.getEncoder();
        return new ConfigBuilder(auth.config())
                .withClientCertData(base64.encodeToString(first.clientCertificateData().getBytes(StandardCharsets.UTF_8)))
                .withClientKeyData(base64.encodeToString(first.clientKeyData().getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private Auth baseConfig(Connection connection) {
        return switch (connection) {
            case Connection.Kubeconfig k -> {
                try {
                    var context = kubeconfigs.resolve(k.kubeconfig(), k.context());
                    var cfg = context.config();
                    cfg = k.insecureSkipTlsVerify()
                            ? new ConfigBuilder(cfg).withTrustCerts(true).withDisableHostnameVerification(true).build()
                            : cfg;
                    var exec = context.exec().map(p -> new ExecAuth(p, execCredentials.get(p)));
                    yield new Auth(cfg, exec);
                } catch (IOException e) {
                    throw new ApiException("cannot read kubeconfig " + k.kubeconfig() + ": " + e.getMessage(), e);
                } catch (InvalidExecEntry e) {
                    throw new ExecCredentialException(ExecCredentialException.Reason.INVALID_CONFIG, e.getMessage())
                            .asApiException();
                } catch (ExecCredentialException e) {
                    throw e.asApiException();
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
                yield new Auth(b.build(), Optional.empty());
            }
        };
    }
}
