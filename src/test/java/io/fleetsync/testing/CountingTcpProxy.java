package io.fleetsync.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain TCP forwarder on loopback that counts the connections it accepts: TLS passes through untouched, so the
 * count is the number of TLS handshakes a client made. (toxiproxy forwards the same way but does not count.)
 */
public final class CountingTcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final AtomicInteger accepted = new AtomicInteger();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /** Forwards to the host and port of {@code targetUrl} (e.g. a cluster's {@code https://127.0.0.1:port}). */
    public CountingTcpProxy(String targetUrl) {
        var uri = URI.create(targetUrl);
        this.targetHost = uri.getHost();
        this.targetPort = uri.getPort();
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.submit(this::acceptLoop);
    }

    /** The URL to give a client instead of the target's: same scheme and host, this forwarder's port. */
    public String url() {
        return "https://" + targetHost + ":" + server.getLocalPort();
    }

    public int connectionsAccepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                var client = server.accept();
                accepted.incrementAndGet();
                var upstream = new Socket(targetHost, targetPort);
                threads.submit(() -> pump(client, upstream));
                threads.submit(() -> pump(upstream, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the other side went away; closing both ends below is all there is to do
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Closeable socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        threads.shutdownNow();
    }
}
