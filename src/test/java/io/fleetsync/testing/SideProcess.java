package io.fleetsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A component the harness runs next to an API server (kube-scheduler, kwok): its process and the file its output
 * goes to, so a failure can quote the component's last words.
 */
record SideProcess(String binary, Process process, Path log) {

    /** Starts {@code command} with output and errors in {@code log}; {@code environment} is added to the JVM's. */
    static SideProcess start(String binary, List<String> command, Path log, Map<String, String> environment) {
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new SideProcess(binary, Spawn.start(builder), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary + " (" + command.getFirst() + ")", e);
        }
    }

    ClusterProcess clusterProcess() {
        return new ClusterProcess(binary, process.toHandle());
    }

    /** Throws, quoting the log, when the process has already exited. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(binary + " exited with " + process.exitValue()
                    + "; last lines of " + log + ":\n" + tail());
        }
    }

    String tail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    void stop() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
