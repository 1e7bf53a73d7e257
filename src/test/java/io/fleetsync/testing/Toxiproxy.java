package io.fleetsync.testing;

import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real toxiproxy server (TCP fault injection) on loopback, built by {@code scripts/toxiproxy}. Tests put proxies
 * in front of real API servers and add toxics: latency, black holes, resets, refused connections.
 */
public final class Toxiproxy implements AutoCloseable {
    private final Process process;
    private final ToxiproxyClient client;

    private Toxiproxy(Process process, int port) {
        this.process = process;
        this.client = new ToxiproxyClient("127.0.0.1", port);
    }

    /** Starts a server on a free port; fails loudly (never skips) when the binary is missing. */
    public static Toxiproxy start() {
        var binary = binary();
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("toxiproxy-server not found at " + binary
                    + ": run scripts/toxiproxy (scripts/test does) or set FLEETSYNC_TOXIPROXY");
        }
        try {
            int port = freePort();
            var process = new ProcessBuilder(binary.toString(), "-host", "127.0.0.1", "-port", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            var proxy = new Toxiproxy(process, port);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                try {
                    proxy.client.version();
                    return proxy;
                } catch (IOException e) {
                    if (System.nanoTime() > deadline || !process.isAlive()) {
                        process.destroyForcibly();
                        throw new IllegalStateException("toxiproxy-server did not start", e);
                    }
                    Thread.sleep(50);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public ToxiproxyClient client() {
        return client;
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Path binary() {
        var configured = System.getenv("FLEETSYNC_TOXIPROXY");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache/fleetsync/tools/toxiproxy-2.5.0/toxiproxy-server");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
