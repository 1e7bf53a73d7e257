package io.fleetsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A per-cluster folder of launchers for the real binaries, laid out the way kube-api-test expects
 * ({@code k8s/<version>-linux-amd64/}).
 *
 * <p>Two reasons, both limits of kube-api-test 7.5.2: it hard-codes {@code http://0.0.0.0:<port>} as etcd's client
 * listen and advertise URLs (and as the API server's {@code --etcd-servers}) with no way to add etcd flags, so each
 * launcher rewrites {@code http://0.0.0.0:} to {@code http://127.0.0.1:} in its arguments to keep etcd on
 * loopback; and it exposes no PIDs, so each
 * launcher keeps its own path as argv[0], which lets {@link ClusterProcess} tell this cluster's processes apart.
 * The launchers {@code exec}, so the PID kube-api-test holds is the real binary's.
 */
final class LoopbackBinaries {

    private LoopbackBinaries() {
    }

    /** Writes launchers for {@code names} into {@code <testDir>/k8s/<version>-linux-amd64} and returns that folder. */
    static Path install(KubeBinaries real, Path testDir, Iterable<String> names) {
        var dir = testDir.resolve("k8s").resolve(real.kubernetesVersion() + "-linux-amd64");
        for (var name : names) {
            install(dir, name, real.binary(name));
        }
        return dir;
    }

    /** Writes a launcher named {@code name} for a binary kept elsewhere (kwok) into {@code dir}; returns its path. */
    static Path install(Path dir, String name, Path binary) {
        var launcher = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Files.writeString(launcher, """
                    #!/bin/bash
                    # Written by the fleetsync test harness (LoopbackBinaries): loopback only, own argv[0].
                    exec -a "$0" %s "${@//http:\\/\\/0.0.0.0:/http://127.0.0.1:}"
                    """.formatted(shellQuote(binary.toString())));
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
            return launcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write launcher " + launcher, e);
        }
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
