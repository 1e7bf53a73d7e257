package io.fleetsync.e2e;

import io.fleetsync.testing.RealCluster;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Counts requests the API server itself saw, from its {@code apiserver_request_total} metric: proof of "no writes"
 * and "no dry runs" that does not trust fleetsync's own accounting.
 */
final class ApiRequests {
    private static final Pattern LINE = Pattern.compile(
            "^apiserver_request_total\\{(?<labels>[^}]*)\\} (?<value>[0-9.e+]+)$", Pattern.MULTILINE);
    static final Set<String> MUTATING = Set.of("APPLY", "PATCH", "POST", "PUT", "DELETE", "CREATE", "UPDATE");

    private ApiRequests() {
    }

    /** Mutating requests (including dry runs) on the given resources, e.g. {@code deployments}. */
    static long mutating(RealCluster cluster, Set<String> resources) {
        return count(cluster, resources, MUTATING);
    }

    static long count(RealCluster cluster, Set<String> resources, Set<String> verbs) {
        var metrics = cluster.client().raw("/metrics");
        long total = 0;
        var m = LINE.matcher(metrics);
        while (m.find()) {
            var labels = m.group("labels");
            var verb = label(labels, "verb");
            var resource = label(labels, "resource");
            if (verbs.contains(verb) && resources.contains(resource)) {
                total += (long) Double.parseDouble(m.group("value"));
            }
        }
        return total;
    }

    /** All requests the server answered with this HTTP status code. */
    static long countByCode(RealCluster cluster, String code) {
        var m = LINE.matcher(cluster.client().raw("/metrics"));
        long total = 0;
        while (m.find()) {
            if (code.equals(label(m.group("labels"), "code"))) {
                total += (long) Double.parseDouble(m.group("value"));
            }
        }
        return total;
    }

    /** Every request the server counted except GETs of /metrics (our own scrapes) and its own lease updates. */
    static long countAll(RealCluster cluster) {
        var m = LINE.matcher(cluster.client().raw("/metrics"));
        long total = 0;
        while (m.find()) {
            var labels = m.group("labels");
            var resource = label(labels, "resource");
            if (resource.isEmpty() || resource.equals("leases") || resource.equals("endpointslices")
                    || resource.equals("endpoints") || resource.equals("events")) {
                continue;
            }
            total += (long) Double.parseDouble(m.group("value"));
        }
        return total;
    }

    private static String label(String labels, String name) {
        var m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : "";
    }
}
