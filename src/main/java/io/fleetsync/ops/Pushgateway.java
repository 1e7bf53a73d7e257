package io.fleetsync.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Pushes a run's metrics to a Prometheus Pushgateway: one group for the run
 * ({@code job="fleetsync", command, shard}) and one per cluster ({@code job="fleetsync", command, cluster}), each
 * with POST, which replaces only the metric names pushed. A failed cluster pushes no last-success sample, so its
 * previous one stays; shards and clusters never overwrite each other.
 */
public final class Pushgateway {
    public static final String JOB = "fleetsync";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.-]+");

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    public Pushgateway(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Pushes every group; returns one line per problem (empty when all went through). Stops at the first
     * connection failure: a gateway that is down would otherwise cost one timeout per cluster.
     */
    public List<String> push(RunMetrics metrics) {
        var problems = new ArrayList<String>();
        var groups = new LinkedHashMap<Map<String, String>, List<MetricFamily>>();
        groups.put(metrics.runLabels(), metrics.run());
        metrics.clusters().forEach((cluster, families) -> {
            var grouping = new LinkedHashMap<String, String>();
            grouping.put("command", metrics.runLabels().get("command"));
            grouping.put("cluster", cluster);
            groups.put(grouping, families);
        });
        for (var group : groups.entrySet()) {
            var uri = groupUri(group.getKey());
            try {
                var response = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                        .header("Content-Type", PrometheusText.CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(PrometheusText.of(group.getValue()),
                                StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    var body = response.body().strip();
                    problems.add("POST " + uri + ": HTTP " + response.statusCode()
                            + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(200, body.length()))));
                }
            } catch (IOException e) {
                problems.add("POST " + uri + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()));
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add("POST " + uri + ": interrupted");
                break;
            }
        }
        return problems;
    }

    /** {@code <base>/metrics/job/fleetsync/<label>/<value>…}, values that are not URL-safe base64url-encoded. */
    URI groupUri(Map<String, String> grouping) {
        var sb = new StringBuilder(base.toString().replaceAll("/+$", "")).append("/metrics/job/").append(JOB);
        grouping.forEach((k, v) -> {
            if (PLAIN.matcher(v).matches()) {
                sb.append('/').append(k).append('/').append(v);
            } else {
                sb.append('/').append(k).append("@base64/").append(Base64.getUrlEncoder()
                        .encodeToString(v.getBytes(StandardCharsets.UTF_8)));
            }
        });
        return URI.create(sb.toString());
    }
}
