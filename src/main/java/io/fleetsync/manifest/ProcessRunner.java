package io.fleetsync.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one renderer process: stdout captured as the result, stderr captured apart (shown only on failure), a
 * timeout, and an environment built from an allowlist, so no credential of fleetsync's (KUBECONFIG, token
 * variables named by the fleet file, cloud keys) reaches a renderer.
 */
final class ProcessRunner {
    /** Variables a renderer may need to find programs, caches and locale; everything else stays behind. */
    static final List<String> PASSED_THROUGH = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL",
            "LC_CTYPE", "TZ", "TMPDIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME");
    private static final int STDERR_TAIL_CHARS = 4000;

    private final Map<String, String> parentEnvironment;
    private final Duration timeout;

    ProcessRunner(Map<String, String> parentEnvironment, Duration timeout) {
        this.parentEnvironment = Map.copyOf(parentEnvironment);
        this.timeout = timeout;
    }

    RenderResult run(RenderRequest request) {
        if (request.valuesFiles().isEmpty()) {
            return run(request, request.command());
        }
        java.nio.file.Path folder = null;
        try {
            folder = Files.createTempDirectory("fleetsync-values-");
            var command = new java.util.ArrayList<>(request.command());
            for (int i = 0; i < request.valuesFiles().size(); i++) {
                var file = folder.resolve("values-" + i + ".yaml");
                Files.writeString(file, request.valuesFiles().get(i));
                command.addAll(List.of("--values", file.toString()));
            }
            return run(request, command);
        } catch (IOException e) {
            return new RenderResult.Failure(RenderResult.Reason.NOT_STARTED, "cannot write values files: "
                    + e.getMessage());
        } finally {
            deleteQuietly(folder);
        }
    }

    private static void deleteQuietly(java.nio.file.Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }

    private RenderResult run(RenderRequest request, List<String> command) {
        var builder = new ProcessBuilder(command).directory(request.directory().toFile());
        var environment = builder.environment();
        environment.clear();
        PASSED_THROUGH.forEach(name -> {
            var value = parentEnvironment.get(name);
            if (value != null) {
                environment.put(name, value);
            }
        });
        environment.putAll(request.environment());
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        java.nio.file.Path stderrFile = null;
        try {
            // A file rather than a pipe for stderr: nobody has to drain it while stdout is read.
            stderrFile = Files.createTempFile("fleetsync-render-", ".stderr");
            builder.redirectError(stderrFile.toFile());
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                return new RenderResult.Failure(RenderResult.Reason.NOT_STARTED, e.getMessage());
            }
            // Read on its own thread so a renderer that never closes stdout still meets the timeout.
            var stdout = new java.util.concurrent.FutureTask<>(() -> readAll(process.getInputStream()));
            Thread.ofVirtual().name("render-stdout").start(stdout);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new RenderResult.Failure(RenderResult.Reason.TIMED_OUT, "still running after "
                        + timeout.toSeconds() + "s; killed" + stderrTail(stderrFile));
            }
            var out = stdout.get();
            if (process.exitValue() != 0) {
                return new RenderResult.Failure(RenderResult.Reason.EXIT_STATUS, "exit status " + process.exitValue()
                        + stderrTail(stderrFile));
            }
            return new RenderResult.Output(out);
        } catch (IOException e) {
            return new RenderResult.Failure(RenderResult.Reason.NOT_STARTED, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RenderResult.Failure(RenderResult.Reason.TIMED_OUT, "interrupted");
        } catch (ExecutionException e) {
            return new RenderResult.Failure(RenderResult.Reason.EXIT_STATUS, "reading its output failed: "
                    + e.getCause().getMessage());
        } finally {
            if (stderrFile != null) {
                try {
                    Files.deleteIfExists(stderrFile);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String stderrTail(java.nio.file.Path file) throws IOException {
        var text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return " (nothing on stderr)";
        }
        if (text.length() > STDERR_TAIL_CHARS) {
            text = "…" + text.substring(text.length() - STDERR_TAIL_CHARS);
        }
        return "; stderr:\n" + text.indent(4).stripTrailing();
    }
}
