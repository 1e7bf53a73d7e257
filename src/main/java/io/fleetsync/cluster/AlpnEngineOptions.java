package io.fleetsync.cluster;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;

/**
 * Fabric8's TLS engine options with ALPN switched on. Fabric8 7.5 builds its Netty context with ALPN disabled, so a
 * client asking for HTTP/2 silently speaks HTTP/1.1 and opens one connection (one TLS handshake) per request in
 * flight. This keeps Fabric8's {@link javax.net.ssl.SSLContext} (its key and trust managers, built from the
 * kubeconfig) and only adds the offer of {@code h2}, falling back to {@code http/1.1} when a server lacks it.
 */
final class AlpnEngineOptions extends JdkSSLEngineOptions {
    private static final ApplicationProtocolConfig H2_THEN_HTTP11 = new ApplicationProtocolConfig(
            Protocol.ALPN, SelectorFailureBehavior.NO_ADVERTISE, SelectedListenerFailureBehavior.ACCEPT,
            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1);

    private final JdkSSLEngineOptions fabric8;
    private final String[] protocols;

    AlpnEngineOptions(JdkSSLEngineOptions fabric8, String[] protocols) {
        this.fabric8 = fabric8;
        this.protocols = protocols;
    }

    @Override
    public SslContextFactory sslContextFactory() {
        var inner = fabric8.sslContextFactory();
        return () -> {
            var context = ((JdkSslContext) inner.create()).context();
            return new JdkSslContext(context, true, null, IdentityCipherSuiteFilter.INSTANCE, H2_THEN_HTTP11,
                    ClientAuth.NONE, protocols, false);
        };
    }

    @Override
    public JdkSSLEngineOptions copy() {
        return this; // immutable; Vert.x copies options when it builds the client
    }
}
