package io.fleetsync.testing;

import io.fabric8.kubeapitest.cert.CertManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;

/**
 * One set of kube-api-test certificates (serving cert for 127.0.0.1, client cert in {@code system:masters})
 * generated once per pool and copied into every cluster folder; kube-api-test keeps files it finds there.
 *
 * <p>Clusters then trust the same credentials, which is harmless for tests: each still has its own URL, etcd and
 * data.
 */
final class SharedCertificates {

    private static final List<String> FILES = List.of(CertManager.API_SERVER_CERT_NAME,
            CertManager.API_SERVER_KEY_NAME, CertManager.CLIENT_CERT_NAME, CertManager.CLIENT_KEY_NAME);

    private final Path directory;
    private boolean generated; // guarded by this

    SharedCertificates(Path directory) {
        this.directory = directory;
    }

    synchronized void copyInto(Path clusterDir) {
        try {
            if (!generated) {
                Files.createDirectories(directory);
                new CertManager(directory.toString()).createCertificatesIfNeeded();
                generated = true;
            }
            for (var file : FILES) {
                Files.copy(directory.resolve(file), clusterDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy test certificates into " + clusterDir, e);
        }
    }

    synchronized void delete() {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (var p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory, e);
        }
    }
}
