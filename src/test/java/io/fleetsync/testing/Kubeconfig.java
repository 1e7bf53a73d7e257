package io.fleetsync.testing;

import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedClusterBuilder;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/**
 * Kubeconfig files for test clusters: one context per cluster, named after the cluster.
 *
 * <p>Certificates are embedded ({@code *-data}), so a written file stays valid wherever it is copied and needs no
 * other file of the harness.
 */
public final class Kubeconfig {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Kubeconfig() {
    }

    /** Kubeconfig YAML with a cluster, user and context per entry; the first entry is the current context. */
    public static String yaml(List<ClusterAccess> clusters) {
        if (clusters.isEmpty()) {
            throw new IllegalArgumentException("a kubeconfig needs at least one cluster");
        }
        requireUniqueNames(clusters);
        var config = new ConfigBuilder()
                .withApiVersion("v1")
                .withKind("Config")
                .withCurrentContext(clusters.getFirst().name());
        for (var c : clusters) {
            config.addToClusters(new NamedClusterBuilder().withName(c.name())
                    .withNewCluster().withServer(c.apiUrl()).withCertificateAuthorityData(c.caCertData()).endCluster()
                    .build());
            config.addToUsers(new NamedAuthInfoBuilder().withName(c.name() + "-admin")
                    .withNewUser().withClientCertificateData(c.clientCertData())
                    .withClientKeyData(c.clientKeyData()).endUser()
                    .build());
            config.addToContexts(new NamedContextBuilder().withName(c.name())
                    .withNewContext().withCluster(c.name()).withUser(c.name() + "-admin")
                    .withNamespace("default").endContext()
                    .build());
        }
        return SERIALIZATION.asYaml(config.build());
    }

    /** Writes {@link #yaml(List)} to {@code file} (owner-only permissions: it holds a private key). */
    public static Path write(Path file, List<ClusterAccess> clusters) {
        var yaml = yaml(clusters);
        try {
            var parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            var tmp = Files.createTempFile(parent, ".kubeconfig", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, yaml);
            return Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write kubeconfig " + file, e);
        }
    }

    private static void requireUniqueNames(Collection<ClusterAccess> clusters) {
        var seen = new HashSet<String>();
        for (var c : clusters) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("two clusters are named " + c.name()
                        + "; context names in one kubeconfig must be unique");
            }
        }
    }
}
