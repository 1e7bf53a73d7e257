package io.fleetsync.e2e;

import io.fleetsync.testing.RealCluster;
import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts requests the API server itself saw, from its {@code apiserver_request_total} metric: proof of "no writes"
 * and "no dry runs" that does not trust fleetsync's own accounting. A scrape without that metric, or with lines that
 * lack the labels read here, fails the test instead of counting 0 (a renamed metric must not pass as 0 == 0); and a
 * check that nothing was sent is paired with {@link #assertSeesAKnownRequest}, which proves the same count moves.
 */
final class ApiRequests {
    private static final String METRIC = "apiserver_request_total";
    private static final Pattern LINE = Pattern.compile(
            "^" + METRIC + "\\{(?<labels>[^}]*)\\} (?<value>[0-9.e+]+)$", Pattern.MULTILINE);
    static final Set<String> MUTATING = Set.of("APPLY", "PATCH", "POST", "PUT", "DELETE", "CREATE", "UPDATE");

    private ApiRequests() {
    }

    /** Mutating requests (including dry runs) on the given resources, e.g. {@code deployments}. */
    static long mutating(RealCluster cluster, Set<String> resources) {
        return count(cluster, resources, MUTATING);
    }

    static long count(RealCluster cluster, Set<String> resources, Set<String> verbs) {
        long total = 0;
        var m = scrape(cluster);
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

    /**
     * Mutating requests on the given resources that were not dry runs (the server's {@code dry_run} label is empty):
     * what really changed, or tried to change, stored state.
     */
    static long persistedWrites(RealCluster cluster, Set<String> resources) {
        long total = 0;
        var m = scrape(cluster);
        while (m.find()) {
            var labels = m.group("labels");
            if (MUTATING.contains(label(labels, "verb")) && resources.contains(label(labels, "resource"))
                    && label(labels, "dry_run").isEmpty()) {
                total += (long) Double.parseDouble(m.group("value"));
            }
        }
        return total;
    }

    /** All requests the server answered with this HTTP status code. */
    static long countByCode(RealCluster cluster, String code) {
        var m = scrape(cluster);
        long total = 0;
        while (m.find()) {
            if (code.equals(label(m.group("labels"), "code"))) {
                total += (long) Double.parseDouble(m.group("value"));
            }
        }
        return total;
    }

    /** GETs of a discovery document ({@code path} "api" or "apis") the server answered with this status code. */
    static long discovery(RealCluster cluster, String path, String code) {
        var m = scrape(cluster);
        long total = 0;
        while (m.find()) {
            var labels = m.group("labels");
            if (label(labels, "resource").isEmpty() && path.equals(label(labels, "subresource"))
                    && "GET".equals(label(labels, "verb")) && code.equals(label(labels, "code"))) {
                total += (long) Double.parseDouble(m.group("value"));
            }
        }
        return total;
    }

    /** Every request the server counted except GETs of /metrics (our own scrapes) and its own lease updates. */
    static long countAll(RealCluster cluster) {
        var m = scrape(cluster);
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

    /**
     * The positive control of a "nothing was sent" check: runs a request the test knows it makes (of the verb and
     * resource the check counts) and fails unless {@code count} rises. The server records a request as it finishes,
     * so this waits for the count (up to 10 s) rather than reading it once.
     */
    static void assertSeesAKnownRequest(String what, LongSupplier count, Runnable knownRequest) {
        long before = count.getAsLong();
        knownRequest.run();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (count.getAsLong() <= before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("positive control: the count of " + what + " did not see a request the test"
                        + " made, so its zero could not fail (metric or label renamed, or a resource misspelt)");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the positive control", e);
            }
        }
    }

    /** The metric's lines; a scrape without any, or lines without the labels counted here, fail loudly. */
    private static Matcher scrape(RealCluster cluster) {
        var metrics = cluster.client().raw("/metrics");
        var m = LINE.matcher(metrics);
        int lines = 0;
        while (m.find()) {
            lines++;
            for (var name : Set.of("verb", "resource", "code")) {
                if (!m.group("labels").contains(name + "=\"")) {
                    throw new AssertionError(METRIC + " line without label " + name + " on " + cluster.name()
                            + ": " + m.group());
                }
            }
        }
        if (lines == 0) {
            throw new AssertionError("no " + METRIC + " in /metrics of " + cluster.name()
                    + ": the counts would all read 0");
        }
        return m.reset();
    }

    /** A known mutating request that changes nothing: a server-side dry-run create of a ConfigMap. */
    static Runnable dryRunCreate(RealCluster cluster, String namespace) {
        return () -> cluster.client().configMaps().inNamespace(namespace)
                .resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata()
                        .withName("apirequests-control").endMetadata().addToData("k", "v").build())
                .dryRun().create();
    }

    /** A known read: a GET of a ConfigMap (found or not, the server counts it). */
    static Runnable get(RealCluster cluster, String namespace) {
        return () -> cluster.client().configMaps().inNamespace(namespace).withName("apirequests-control").get();
    }

    private static String label(String labels, String name) {
        var m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return m.find() ? m.group(1) : "";
    }
}
