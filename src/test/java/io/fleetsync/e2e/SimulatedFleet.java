package io.fleetsync.e2e;

import eu.rekawek.toxiproxy.Proxy;
import io.fleetsync.testing.ClusterAccess;
import io.fleetsync.testing.Kubeconfig;
import io.fleetsync.testing.RealCluster;
import io.fleetsync.testing.Toxiproxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ten simulated clusters, each a toxiproxy proxy in front of one of a few real API servers. Each simulated
 * cluster has its own target and namespace, so clusters that share a server never touch each other's objects.
 */
final class SimulatedFleet {
    static final int SIZE = 10;
    final Workspace ws;
    final List<Proxy> proxies = new ArrayList<>();
    final List<RealCluster> upstreams = new ArrayList<>();
    private final Map<Integer, String> tokenClusters = new LinkedHashMap<>();

    SimulatedFleet(Workspace ws, Toxiproxy toxiproxy, List<RealCluster> servers) {
        this.ws = ws;
        try {
            for (var p : toxiproxy.client().getProxies()) {
                p.delete();
            }
            for (int i = 0; i < SIZE; i++) {
                upstreams.add(servers.get(i % servers.size()));
                proxies.add(newProxy(toxiproxy, i, upstreams.get(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Proxy newProxy(Toxiproxy toxiproxy, int i, RealCluster upstream) throws IOException {
        var uri = URI.create(upstream.apiUrl());
        return toxiproxy.client().createProxy("c" + i, "127.0.0.1:" + Toxiproxy.freePort(),
                uri.getHost() + ":" + uri.getPort());
    }

    /** Points simulated cluster {@code i} at another real server (e.g. one that throttles). */
    void reroute(Toxiproxy toxiproxy, int i, RealCluster upstream) throws IOException {
        proxies.get(i).delete();
        upstreams.set(i, upstream);
        proxies.set(i, newProxy(toxiproxy, i, upstream));
    }

    /** Connects cluster {@code i} with a bearer token (written to a file) instead of the admin certificate. */
    void useToken(int i, String token) {
        tokenClusters.put(i, token);
    }

    String name(int i) {
        return "c" + i;
    }

    String namespace(int i) {
        return "f-" + ws.id + "-c" + i;
    }

    String proxyUrl(int i) {
        return "https://" + proxies.get(i).getListen();
    }

    /** Writes the kubeconfig (one context per simulated cluster), the manifests and the fleet file. */
    String write(String... extraManifests) {
        var contexts = new ArrayList<ClusterAccess>();
        for (int i = 0; i < SIZE; i++) {
            var a = upstreams.get(i).access();
            contexts.add(new ClusterAccess(name(i), proxyUrl(i), a.caCertData(), a.clientCertData(), a.clientKeyData()));
        }
        Kubeconfig.write(ws.dir.resolve("sim-kubeconfig"), contexts);
        ws.write("sim/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: f-" + ws.id + "-${cluster.name}\n");
        ws.write("sim/cfg.yaml", Manifests.configMap("cfg", "${cluster.name}"));
        ws.write("sim/web.yaml", Manifests.deployment("web", "registry.example/web:1.0"));
        for (int k = 0; k < extraManifests.length; k += 2) {
            ws.write("sim/" + extraManifests[k], extraManifests[k + 1]);
        }
        var clusters = new StringBuilder();
        var targets = new StringBuilder();
        for (int i = 0; i < SIZE; i++) {
            clusters.append("  - name: ").append(name(i)).append('\n');
            if (tokenClusters.containsKey(i)) {
                ws.write("token-" + i, tokenClusters.get(i));
                ws.write("ca-" + i, new String(Base64.getDecoder().decode(upstreams.get(i).access().caCertData())));
                clusters.append("    server: ").append(proxyUrl(i)).append("\n    tokenFile: token-").append(i)
                        .append("\n    caFile: ca-").append(i).append('\n');
            } else {
                clusters.append("    kubeconfig: sim-kubeconfig\n    context: ").append(name(i)).append('\n');
            }
            targets.append("  - name: t").append(i).append('-').append(ws.id).append('\n')
                    .append("    clusters: {names: [").append(name(i)).append("]}\n")
                    .append("    namespace: ").append(namespace(i)).append('\n')
                    .append("    resources: [sim/]\n");
        }
        ws.fleet(clusters.toString(), targets.toString());
        return ws.fleetPath();
    }

    boolean configMapExists(int i, String name) {
        return upstreams.get(i).client().configMaps().inNamespace(namespace(i)).withName(name).get() != null;
    }
}
