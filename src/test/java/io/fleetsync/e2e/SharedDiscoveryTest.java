package io.fleetsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.Clusters;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clusters that serve the same discovery documents share them: the second asks with the first one's ETag and the
 * API server answers 304 instead of sending the document again (counted by the servers themselves). A cluster that
 * serves a different document (one more CRD) gets its own, and plans the custom resource only it can serve.
 */
@QuarkusMainTest
class SharedDiscoveryTest {
    private final Clusters clusters = ClusterPool.instance().shared(2);
    private Workspace ws;
    private String ns;
    private String group;

    @BeforeEach
    void workspace(@TempDir Path dir) {
        ws = new Workspace(dir, clusters);
        ns = ws.ns("discovery");
        group = "discovery-" + ws.id + ".example.com";
        ws.write("app/ns.yaml", Manifests.namespace(ns));
        ws.write("app/settings.yaml", Manifests.configMap("settings", "v1"));
        ws.write("widget/widget.yaml", """
                apiVersion: %s/v1
                kind: Gadget
                metadata: {name: only-here}
                spec: {size: small}
                """.formatted(group));
        // The CRD exists on the second server only, installed there by someone else: its discovery differs.
        var crd = ws.write("crd.yaml", Manifests.crdWithStatus(group, "gadgets", "Gadget", "size"));
        Kubectl.run(ws.cluster(1), "apply", "--server-side", "-f", crd.toString());
        Kubectl.run(ws.cluster(1), "wait", "--for=condition=Established", "--timeout=60s", "crd/gadgets." + group);
        Kubectl.run(ws.cluster(1), "get", "gadgets." + group, "-A"); // served, so discovery lists it
    }

    @AfterEach
    void removeCrd() {
        Kubectl.run(ws.cluster(1), "delete", "crd", "gadgets." + group, "--ignore-not-found", "--wait=false");
    }

    @Test
    void likeClustersAreAnsweredNotModifiedAndAClusterWithAnotherCrdReadsItsOwn(QuarkusMainLauncher launcher) {
        var first = ws.cluster(0);
        ws.fleet("""
                  - {name: east, kubeconfig: kubeconfig, context: %1$s}
                  - {name: west, kubeconfig: kubeconfig, context: %1$s}
                """.formatted(first.name()), """
                  - name: app-%s
                    clusters: {names: [east, west]}
                    namespace: %s
                    resources: [app/]
                """.formatted(ws.id, ns));
        var before = discovery(first);

        var plan = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json", "--concurrency", "1");

        assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(0);
        assertThat(plan.action("west", "ConfigMap/" + ns + "/settings")).isEqualTo("create");
        var like = discovery(first).minus(before);
        assertThat(like).as("two clusters on one server: the first reads both documents, the second is told "
                + "they did not change").isEqualTo(new Counts(1, 1, 1, 1));

        // Positive control: a cluster whose /apis differs (the CRD) is sent its own and plans the Gadget with it;
        // /api, the same on both servers, is still shared.
        var second = ws.cluster(1);
        ws.fleet("""
                  - {name: east, kubeconfig: kubeconfig, context: %s}
                  - {name: south, kubeconfig: kubeconfig, context: %s}
                """.formatted(first.name(), second.name()), """
                  - name: app-%1$s
                    clusters: {names: [east, south]}
                    namespace: %2$s
                    resources: [app/]
                  - name: widget-%1$s
                    clusters: {names: [south]}
                    namespace: %2$s
                    resources: [widget/]
                """.formatted(ws.id, ns));
        var before0 = discovery(first);
        var before1 = discovery(second);

        var mixed = Run.of(launcher, "plan", "-f", ws.fleetPath(), "-o", "json", "--concurrency", "1");

        assertThat(mixed.exitCode()).as(mixed.toString()).isEqualTo(0);
        assertThat(mixed.action("south", "Gadget." + group + "/" + ns + "/only-here")).isEqualTo("create");
        var both = discovery(first).minus(before0).plus(discovery(second).minus(before1));
        assertThat(both).as("/api shared, /apis read from each server").isEqualTo(new Counts(1, 1, 2, 0));
    }

    /** GETs of /api and /apis a server answered, by status: 200 (sent) and 304 (not modified). */
    private record Counts(long apiSent, long apiNotModified, long apisSent, long apisNotModified) {
        Counts minus(Counts o) {
            return new Counts(apiSent - o.apiSent, apiNotModified - o.apiNotModified, apisSent - o.apisSent,
                    apisNotModified - o.apisNotModified);
        }

        Counts plus(Counts o) {
            return new Counts(apiSent + o.apiSent, apiNotModified + o.apiNotModified, apisSent + o.apisSent,
                    apisNotModified + o.apisNotModified);
        }
    }

    private static Counts discovery(RealCluster cluster) {
        return new Counts(ApiRequests.discovery(cluster, "api", "200"), ApiRequests.discovery(cluster, "api", "304"),
                ApiRequests.discovery(cluster, "apis", "200"), ApiRequests.discovery(cluster, "apis", "304"));
    }
}
