package io.fleetsync.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The REST verbs fleetsync needs, on one cluster, with objects as plain JSON maps.
 *
 * <p>Requests go through Fabric8's HTTP client (authentication, TLS, the shared Vert.x event loop); the paths are
 * built here because the pipeline needs what the typed DSL hides: raw status and causes, Retry-After,
 * {@code dryRun=All}, and objects as maps for field-level comparison. At most {@code permits} requests of this
 * cluster are in flight at once.
 */
public final class KubeApi implements ObjectStore {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(KubeApi.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    static final String METADATA_LIST = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";

    private final HttpClient http;
    private final String baseUrl;
    private final ObjectMapper json;
    private final Semaphore permits;
    private final Duration requestTimeout;
    private final RequestGate gate;
    private final ClusterGuard guard;

    public KubeApi(HttpClient http, String baseUrl, ObjectMapper json, int maxInFlight, Duration requestTimeout,
                   RequestGate gate, ClusterGuard guard) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.json = json;
        this.permits = new Semaphore(maxInFlight);
        this.requestTimeout = requestTimeout;
        this.gate = gate;
        this.guard = guard;
    }

    /** GET one object; null when it does not exist. */
    @Override
    public Map<String, Object> get(String path) {
        try {
            return parse(send("GET", path, null, null, null));
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }

    /** GET a raw document with a specific Accept header (discovery). */
    @Override
    public Map<String, Object> getWithAccept(String path, String accept) {
        return parse(send("GET", path, null, null, accept));
    }

    /** Lists a collection, following continue tokens. */
    @Override
    public List<Map<String, Object>> list(String collectionPath, String labelSelector) {
        return list(collectionPath, labelSelector, null);
    }

    /**
     * Lists only the metadata of a collection's objects (names, labels, uid, managedFields; no spec or data), so a
     * namespace full of large objects fleetsync does not own stays cheap to look through. A server that cannot
     * serve the metadata form answers with the full list instead (the Accept header's fallback).
     */
    @Override
    public List<Map<String, Object>> listMetadata(String collectionPath) {
        return list(collectionPath, null, METADATA_LIST);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String collectionPath, String labelSelector, String accept) {
        var items = new ArrayList<Map<String, Object>>();
        String token = null;
        do {
            var q = new StringBuilder("?limit=500");
            if (labelSelector != null) {
                q.append("&labelSelector=").append(encode(labelSelector));
            }
            if (token != null) {
                q.append("&continue=").append(encode(token));
            }
            var page = parse(send("GET", collectionPath + q, null, null, accept));
            // An empty PartialObjectMetadataList comes with "items": null.
            var pageItems = page.get("items") instanceof List<?> l ? (List<Map<String, Object>>) l
                    : List.<Map<String, Object>>of();
            var listKind = (String) page.getOrDefault("kind", "");
            var itemKind = listKind.endsWith("List") ? listKind.substring(0, listKind.length() - 4) : null;
            for (var item : pageItems) {
                items.add(withTypeMeta(item, (String) page.get("apiVersion"), itemKind));
            }
            var meta = (Map<String, Object>) page.getOrDefault("metadata", Map.of());
            token = (String) meta.get("continue");
        } while (token != null && !token.isEmpty());
        return items;
    }

    /** List items come without apiVersion and kind; put them back first, as a GET returns them. */
    private static Map<String, Object> withTypeMeta(Map<String, Object> item, String apiVersion, String kind) {
        if (item.containsKey("kind") || apiVersion == null || kind == null) {
            return item;
        }
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("apiVersion", apiVersion);
        out.put("kind", kind);
        out.putAll(item);
        return out;
    }

    /** Server-side apply under fleetsync's field manager. */
    @Override
    public Map<String, Object> apply(String objectPath, Map<String, Object> body, ApplyMode mode) {
        var q = new StringBuilder("?fieldManager=").append(FIELD_MANAGER).append("&fieldValidation=Strict");
        if (mode.force()) {
            q.append("&force=true");
        }
        if (mode.write().dryRun()) {
            q.append("&dryRun=All");
        }
        return parse(send("PATCH", objectPath + q, "application/apply-patch+yaml", write(body), null));
    }

    /** JSON merge patch under a field manager of its own, so it never takes over fields fleetsync applies. */
    @Override
    public Map<String, Object> mergePatch(String objectPath, Map<String, Object> patch, String fieldManager) {
        return parse(send("PATCH", objectPath + "?fieldManager=" + encode(fieldManager),
                "application/merge-patch+json", write(patch), null));
    }

    /**
     * Deletes with background propagation, preconditioned on the uid we saw, so an object recreated by someone
     * else in between is never deleted. Returns false when it was already gone.
     */
    @Override
    public boolean delete(String objectPath, String uid, WriteMode mode) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("apiVersion", "v1");
        body.put("kind", "DeleteOptions");
        body.put("propagationPolicy", "Background");
        if (uid != null) {
            body.put("preconditions", Map.of("uid", uid));
        }
        try {
            send("DELETE", objectPath + (mode.dryRun() ? "?dryRun=All" : ""), "application/json", write(body), null);
            return true;
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Waits until one object of a collection meets {@code condition}, with a watch on it alone from
     * {@code resourceVersion} (see {@link ObjectWatch}); false when {@code maxWait} passed, the object went away or
     * {@code stopping} turned true.
     */
    @Override
    public boolean awaitObject(String collectionPath, String name, String resourceVersion, Duration maxWait,
                               java.util.function.Predicate<Map<String, Object>> condition, Stopping stopping) {
        return new ObjectWatch(http, baseUrl, json, requestTimeout, gate, guard)
                .await(collectionPath, name, resourceVersion, maxWait, condition, stopping, this);
    }

    private String send(String method, String path, String contentType, String body, String accept) {
        return guard.call(() -> attempt(method, path, contentType, body, accept, null)).body();
    }

    /** An answer: its status, body and ETag (null when the server sent none). */
    private record Reply(int code, String body, String etag) {
    }

    /**
     * GET with {@code If-None-Match}: a 304 means the server still serves the document {@code etag} names. The
     * ETag is handed back only when it is strong, so the caller can ask again with it.
     */
    @Override
    public Revalidated getUnlessMatch(String path, String accept, String etag) {
        var reply = guard.call(() -> attempt("GET", path, null, null, accept, etag));
        if (reply.code() == 304) {
            return new Revalidated.NotModified();
        }
        var tag = reply.etag() == null || reply.etag().startsWith("W/") ? null : reply.etag();
        return new Revalidated.Fresh(parse(reply.body()), java.util.Optional.ofNullable(tag));
    }

    /**
     * One attempt: waits for the rate cap and an in-flight slot, then sends. Only the exchange is timed: waiting for
     * the cap or a slot is the client's own pacing, not a sign of a slow cluster, so it never uses up a request's
     * timeout nor counts against the breaker (the cluster's deadline bounds it, by interrupting the wait). The slot
     * is taken per attempt and released before the guard backs off, so a retrying request never holds one.
     */
    private Reply attempt(String method, String path, String contentType, String body, String accept,
                          String ifNoneMatch) {
        gate.beforeRequest();
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.interrupted(e);
        }
        try {
            return exchange(method, path, contentType, body, accept, ifNoneMatch);
        } finally {
            permits.release();
        }
    }

    /**
     * Sends one request and waits at most {@code requestTimeout} for the whole answer. The wait is timed on the
     * future by hand rather than with the guard's timeout, which would interrupt this thread and whose clock would
     * also run while the attempt waits for the cap; Fabric8's own request timeout is set as well.
     */
    private Reply exchange(String method, String path, String contentType, String body, String accept,
                           String ifNoneMatch) {
        HttpRequest.Builder b = http.newHttpRequestBuilder()
                .uri(baseUrl + path)
                .timeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .header("Accept", accept != null ? accept : "application/json");
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        if (body != null) {
            b.method(method, contentType, body);
        } else {
            b.method(method, null, null);
        }
        long start = System.nanoTime();
        var future = http.sendAsync(b.build(), String.class);
        try {
            HttpResponse<String> response = future.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (LOG.isDebugEnabled()) {
                // Path and status only: bodies may hold Secret values, headers the token.
                LOG.debugf("%s %s -> %d in %d ms", method, path, response.code(), (System.nanoTime() - start) / 1_000_000);
            }
            if (response.isSuccessful() || ifNoneMatch != null && response.code() == 304) {
                return new Reply(response.code(), response.body(), response.header("ETag"));
            }
            var error = ApiErrors.fromResponse(response.code(), response.body(), response.header("Retry-After"), json);
            LOG.debugf("%s %s: %s (%s)", method, path, error.getMessage(), error.kind());
            throw error;
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            LOG.debugf("%s %s timed out after %d ms", method, path, requestTimeout.toMillis());
            throw new ApiException(0, ApiFailure.TIMEOUT, "", "request timed out after "
                    + (requestTimeout.toMillis() % 1000 == 0 ? requestTimeout.toSeconds() + "s" : requestTimeout.toMillis() + "ms"), List.of(), null, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw ApiException.interrupted(e);
        } catch (ExecCredentialException e) {
            throw e.asApiException(); // a refresh of the exec credential failed: not a network error, not retried
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ExecCredentialException x) {
                throw x.asApiException();
            }
            LOG.debugf(e.getCause(), "%s %s failed", method, path);
            throw ApiErrors.fromTransport(e.getCause() == null ? e : e.getCause());
        }
    }

    private Map<String, Object> parse(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(body, MAP);
        } catch (JsonProcessingException e) {
            throw new ApiException(0, ApiFailure.UNREADABLE, "", "the API server answered with something that is not JSON",
                    List.of(), null, e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
