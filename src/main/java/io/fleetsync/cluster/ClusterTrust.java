package io.fleetsync.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.internal.CertUtils;
import io.fabric8.kubernetes.client.utils.Utils;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a cluster's TLS connection trusts when its kubeconfig (or fleet file) names a CA: that CA alone, as kubectl
 * does.
 *
 * <p>Why not Fabric8's trust managers: for every client it loads the JDK's default trust store (about 150 public
 * CAs), parses it and adds the cluster's CA to it. That was a sixth of all a 200-cluster no-op plan allocated, kept
 * 150 parsed certificates per cluster in flight, and trusted any public CA for a server whose kubeconfig names its
 * own. Where Fabric8's choice is what the user asked for, it stands: no CA named (the JDK's default trust, shared),
 * {@code insecure-skip-tls-verify}, or a trust store file configured for Fabric8.
 */
final class ClusterTrust {

    private ClusterTrust() {
    }

    /** Trust managers for exactly the CA {@code config} names; empty when Fabric8's own choice stands. */
    static Optional<TrustManager[]> of(Config config) {
        if (config.isTrustCerts() || Utils.isNotNullOrEmpty(config.getTrustStoreFile())
                || (Utils.isNullOrEmpty(config.getCaCertData()) && Utils.isNullOrEmpty(config.getCaCertFile()))) {
            return Optional.empty();
        }
        try (var pem = CertUtils.getInputStreamFromDataOrFile(config.getCaCertData(), config.getCaCertFile())) {
            var store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
            if (i == 0) {
                throw new ApiException("the cluster's certificate authority data holds no certificate", null);
            }
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return Optional.of(factory.getTrustManagers());
        } catch (IOException | GeneralSecurityException e) {
            throw new ApiException("cannot read the cluster's certificate authority: " + e.getMessage(), e);
        }
    }

    /**
     * {@code config} without its CA and client certificate, for Fabric8's client builder, whose TLS context is then
     * set from the full config: Fabric8 builds one in the builder, whatever comes after.
     */
    static Config withoutCertificates(Config config) {
        return new ConfigBuilder(config).withCaCertData(null).withCaCertFile(null).withClientCertData(null)
                .withClientCertFile(null).withClientKeyData(null).withClientKeyFile(null).build();
    }
}
