package io.fleetsync.cluster;

import io.fleetsync.kubeconfig.ExecPlugin;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.CompletableFuture;

/**
 * Puts a cluster's exec-plugin token on every request and, after a 401, retries once with a token the plugin gives
 * anew. It takes the place of Fabric8's token interceptor for exec users: that one re-reads the kubeconfig (running
 * the plugin with stderr merged into its JSON) and knows nothing of {@code expirationTimestamp}.
 */
final class ExecCredentialInterceptor implements Interceptor {
    private static final String AUTHORIZATION = "Authorization";
    private final ExecCredentials credentials;
    private final ExecPlugin plugin;

    ExecCredentialInterceptor(ExecCredentials credentials, ExecPlugin plugin) {
        this.credentials = credentials;
        this.plugin = plugin;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        // Runs on the caller's thread (a cluster's virtual thread): a refresh near expiry blocks only that request.
        var token = credentials.get(plugin).token();
        if (token != null) {
            builder.setHeader(AUTHORIZATION, bearer(token));
        }
    }

    @Override
    public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
        if (response.code() != 401) {
            return CompletableFuture.completedFuture(false);
        }
        var sent = response.request() == null ? null : response.request().header(AUTHORIZATION);
        var rejected = sent != null && sent.startsWith("Bearer ") ? sent.substring(7) : null;
        // Called on the event loop: the plugin runs on a virtual thread of its own.
        return CompletableFuture.supplyAsync(() -> {
            try {
                var fresh = credentials.rejected(plugin, rejected);
                if (fresh.token() == null) {
                    return false;
                }
                builder.setHeader(AUTHORIZATION, bearer(fresh.token()));
                return true;
            } catch (ExecCredentialException e) {
                return false; // the 401 stands; the failure was kept and reaches the cluster's next request
            }
        }, r -> Thread.ofVirtual().name("exec-credential-refresh").start(r));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
