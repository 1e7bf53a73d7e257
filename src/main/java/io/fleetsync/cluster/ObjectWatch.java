package io.fleetsync.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Waits until one object meets a condition, with a watch on that object alone ({@code fieldSelector=metadata.name=…})
 * starting at a resourceVersion the caller already has: the server sends the object only when it changes, where a
 * poll loop fetched it whole every 200 ms (a CRD is often a megabyte). Each watch request passes the cluster's stop
 * gate and rate cap and opens under its guard (retries, breaker); the wait ends at {@code maxWait}, when
 * {@code stopping} turns true, or when the thread is interrupted (the cluster's deadline).
 */
final class ObjectWatch {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final long CHECK_STOP_MS = 200;

    private final HttpClient http;
    private final String baseUrl;
    private final ObjectMapper json;
    private final Duration requestTimeout;
    private final RequestGate gate;
    private final ClusterGuard guard;

    ObjectWatch(HttpClient http, String baseUrl, ObjectMapper json, Duration requestTimeout, RequestGate gate,
                ClusterGuard guard) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.json = json;
        this.requestTimeout = requestTimeout;
        this.gate = gate;
        this.guard = guard;
    }

    /** What one watch request ended with. */
    private sealed interface End {
        record Met() implements End {
        }

        /** The server closed the watch (its timeoutSeconds); go on from the last version seen. */
        record Closed(String resourceVersion) implements End {
        }

        /** The version is too old to watch from (410 Gone): start again from a fresh read. */
        record Expired() implements End {
        }

        record Deleted() implements End {
        }

        record GaveUp() implements End {
        }
    }

    /**
     * @param resourceVersion the version the caller holds (e.g. from the apply response), or null to read it first
     * @return true when the condition held before the time was up
     */
    boolean await(String collectionPath, String name, String resourceVersion, Duration maxWait,
                  Predicate<Map<String, Object>> condition, Stopping stopping, ObjectStore api) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        var version = resourceVersion;
        while (true) {
            if (version == null) {
                var current = api.get(collectionPath + "/" + name);
                if (current == null) {
                    return false;
                }
                if (condition.test(current)) {
                    return true;
                }
                version = resourceVersionOf(current);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || stopping.requested()) {
                return false;
            }
            // Shorter than one request's timeout, so the guard's timeout never cuts a healthy watch.
            long seconds = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toSeconds(remaining) + 1,
                    requestTimeout.toSeconds() - 1));
            var end = watchOnce(collectionPath, name, version, seconds, deadline, condition, stopping);
            switch (end) {
                case End.Met m -> {
                    return true;
                }
                case End.Closed c -> version = c.resourceVersion();
                case End.Expired e -> version = null;
                case End.Deleted d -> {
                    return false;
                }
                case End.GaveUp g -> {
                    return false;
                }
            }
        }
    }

    private End watchOnce(String collectionPath, String name, String version, long seconds, long deadline,
                          Predicate<Map<String, Object>> condition, Stopping stopping) {
        var path = collectionPath + "?watch=1&allowWatchBookmarks=true&fieldSelector="
                + URLEncoder.encode("metadata.name=" + name, StandardCharsets.UTF_8)
                + "&resourceVersion=" + URLEncoder.encode(version, StandardCharsets.UTF_8)
                + "&timeoutSeconds=" + seconds;
        var ended = new CompletableFuture<End>();
        var lastVersion = new AtomicReference<>(version);
        var lines = new LineSplitter(line -> onEvent(line, condition, lastVersion, ended));
        var opened = new AtomicReference<HttpResponse<AsyncBody>>();
        guard.call(() -> {
            gate.beforeRequest();
            opened.set(open(path, lines));
            return "";
        });
        var body = opened.get().body();
        body.done().whenComplete((v, t) -> ended.complete(new End.Closed(lastVersion.get())));
        body.consume();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || stopping.requested()) {
                    return new End.GaveUp();
                }
                try {
                    return ended.get(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, CHECK_STOP_MS),
                            TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // look at the stop signal again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.of(ApiFailure.INTERRUPTED, "stopped while waiting for " + name);
        } catch (ExecutionException e) {
            throw ApiErrors.fromTransport(e.getCause());
        } finally {
            body.cancel();
        }
    }

    private HttpResponse<AsyncBody> open(String path, LineSplitter lines) throws Exception {
        var request = http.newHttpRequestBuilder().uri(baseUrl + path).header("Accept", "application/json")
                .forStreaming().build();
        HttpResponse<AsyncBody> response;
        try {
            response = http.consumeBytes(request, (buffers, body) -> {
                lines.accept(buffers);
                body.consume();
            }).get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecCredentialException e) {
            throw e.asApiException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ExecCredentialException x) {
                throw x.asApiException(); // a failed refresh of the exec credential: not a network error
            }
            throw ApiErrors.fromTransport(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw ApiErrors.fromTransport(e);
        }
        if (!response.isSuccessful()) {
            response.body().cancel();
            throw ApiErrors.fromResponse(response.code(), "", response.header("Retry-After"), json);
        }
        return response;
    }

    @SuppressWarnings("unchecked")
    private void onEvent(String line, Predicate<Map<String, Object>> condition, AtomicReference<String> lastVersion,
                         CompletableFuture<End> ended) {
        Map<String, Object> event;
        try {
            event = json.readValue(line, MAP);
        } catch (IOException e) {
            ended.completeExceptionally(new ApiException("the API server sent a watch event that is not JSON", e));
            return;
        }
        var type = String.valueOf(event.get("type"));
        if (!(event.get("object") instanceof Map<?, ?> raw)) {
            return;
        }
        var object = (Map<String, Object>) raw;
        switch (type) {
            case "ERROR" -> {
                if (Integer.valueOf(410).equals(object.get("code"))) {
                    ended.complete(new End.Expired());
                } else {
                    ended.completeExceptionally(new ApiException(0, String.valueOf(object.get("reason")),
                            "watch failed: " + object.get("message"), List.of(), null));
                }
            }
            case "DELETED" -> ended.complete(new End.Deleted());
            default -> { // ADDED, MODIFIED, BOOKMARK
                var v = resourceVersionOf(object);
                if (v != null) {
                    lastVersion.set(v);
                }
                if (!"BOOKMARK".equals(type) && condition.test(object)) {
                    ended.complete(new End.Met());
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    static String resourceVersionOf(Map<String, Object> object) {
        return object != null && object.get("metadata") instanceof Map<?, ?> m
                ? (String) ((Map<String, Object>) m).get("resourceVersion") : null;
    }

    /** Watch events are one JSON document per line; chunks from the wire split them anywhere. */
    static final class LineSplitter {
        private final java.util.function.Consumer<String> onLine;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineSplitter(java.util.function.Consumer<String> onLine) {
            this.onLine = onLine;
        }

        synchronized void accept(List<ByteBuffer> buffers) {
            for (var buffer : buffers) {
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n') {
                        if (pending.size() > 0) {
                            onLine.accept(pending.toString(StandardCharsets.UTF_8));
                        }
                        pending.reset();
                    } else {
                        pending.write(b);
                    }
                }
            }
        }
    }
}
