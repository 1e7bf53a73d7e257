package io.fleetsync.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One operating-system process of a test cluster (etcd, kube-apiserver, kube-controller-manager).
 *
 * <p>The handle is the one the JVM saw start, so {@link #isAlive()} stays false after the process ends even if the
 * kernel later hands the same PID to an unrelated process.
 */
public record ClusterProcess(String binary, ProcessHandle handle) {

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /** Peak resident set size (VmHWM) in KiB while the process is alive. */
    public OptionalLong peakRssKib() {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid() + "/status", e);
        }
        return OptionalLong.empty();
    }

    /**
     * The JVM's child processes whose program path (argv[0]) lies in {@code binDir}.
     *
     * <p>Every cluster runs its binaries from its own folder, so this finds exactly that cluster's processes, never
     * another cluster's or another engineer's.
     */
    static List<ClusterProcess> childrenStartedFrom(Path binDir) {
        var prefix = binDir.toAbsolutePath() + "/";
        return ProcessHandle.current().children()
                .flatMap(child -> argv0(child).filter(p -> p.startsWith(prefix))
                        .map(p -> new ClusterProcess(p.substring(prefix.length()), child)).stream())
                .toList();
    }

    static Optional<String> argv0(ProcessHandle process) {
        try {
            var cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            var end = 0;
            while (end < cmdline.length && cmdline[end] != 0) {
                end++;
            }
            return Optional.of(new String(cmdline, 0, end, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty(); // exited meanwhile
        }
    }
}
