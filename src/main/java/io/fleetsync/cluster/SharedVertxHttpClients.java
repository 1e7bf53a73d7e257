package io.fleetsync.cluster;

import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.JdkSSLEngineOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Fabric8's Vert.x HTTP clients, all on one shared Vert.x, speaking HTTP/2 with ALPN.
 *
 * <p>Why not Fabric8's {@code VertxHttpClientFactory(vertx)}: Quarkus' Kubernetes-client extension deletes that class
 * from native images (its own factory takes the Vert.x from CDI and cannot be given the HTTP/2 view below), so a
 * native {@code plan} failed with "Unsupported constructor … is reachable". Fabric8's {@link VertxHttpClientBuilder}
 * takes any factory and any Vert.x, which is all that class did, so this works the same on the JVM and natively.
 */
final class SharedVertxHttpClients implements HttpClient.Factory {
    private final Vertx http2vertx;

    SharedVertxHttpClients(Vertx shared) {
        this.http2vertx = http2(shared);
    }

    @Override
    public VertxHttpClientBuilder<SharedVertxHttpClients> newBuilder() {
        return new VertxHttpClientBuilder<>(this, http2vertx);
    }

    /**
     * Fabric8's Vert.x client speaks HTTP/1.1 and opens one connection, so one TLS handshake, per request in flight:
     * its options are built inside the client builder, and its TLS context never offers ALPN. This view of the
     * shared Vert.x asks for HTTP/2 when the client is created and swaps in {@link AlpnEngineOptions}, so a cluster's
     * parallel requests share one connection (HTTP/1.1 when a server does not offer h2). On 2 cores the TLS
     * handshakes were half of a no-op plan's CPU (docs/benchmarks.md). Fabric8 7.5 has no hook for the options
     * ({@code VertxHttpClientFactory.additionalConfig} is never called), hence the view; native images learn of it
     * from META-INF/native-image/io.fleetsync/fleetsync/proxy-config.json.
     */
    static Vertx http2(Vertx vertx) {
        return (Vertx) Proxy.newProxyInstance(Vertx.class.getClassLoader(), new Class<?>[] {Vertx.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createHttpClient") && args != null && args.length == 1
                            && args[0] instanceof HttpClientOptions options) {
                        options.setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(true).setHttp2MaxPoolSize(1)
                                .setHttp2MultiplexingLimit(-1);
                        if (options.isSsl() && options.getSslEngineOptions() instanceof JdkSSLEngineOptions jdk) {
                            options.setSslEngineOptions(new AlpnEngineOptions(jdk, tlsVersions(options)));
                        }
                    }
                    try {
                        return method.invoke(vertx, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String[] tlsVersions(HttpClientOptions options) {
        var versions = options.getEnabledSecureTransportProtocols();
        return versions.isEmpty() ? null : versions.toArray(String[]::new);
    }
}
