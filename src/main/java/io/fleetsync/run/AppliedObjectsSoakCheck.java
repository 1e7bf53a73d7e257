package io.fleetsync.run;

import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ClientSettings;
import io.fleetsync.cluster.ClusterConnection;
import io.fleetsync.cluster.ClusterConnector;
import io.fleetsync.cluster.Discovery;
import io.fleetsync.cluster.DiscoveryReader;
import io.fleetsync.cluster.RequestGate;
import io.fleetsync.fleet.Cluster;
import io.fleetsync.resource.ResourceKey;
import io.fleetsync.rollout.SoakCheck;
import io.fleetsync.rollout.SoakObservation;
import io.fleetsync.rollout.SoakProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The soak check this branch can do honestly without a health model: re-read every object the wave created or
 * updated on the cluster, and find it unhealthy when one is gone or being deleted. It does not judge readiness
 * (a Deployment whose pods crash looks fine here); the kstatus probe of the health model replaces it at merge.
 * A generation that moved is deliberately not a problem: an HPA or {@code kubectl scale} bumps a Deployment's
 * generation through the scale subresource, and the rollout must not halt for that.
 */
final class AppliedObjectsSoakCheck implements SoakCheck, AutoCloseable {
    private final ClusterConnector connector;
    private final ClientSettings settings;
    private final Map<String, Cluster> clusters;
    private final Map<String, List<ResourceKey>> applied;
    /** One connection and one discovery per cluster for the whole soak: a check is a few GETs. */
    private final Map<String, ClusterConnection> connections = new HashMap<>();
    private final Map<String, Discovery> discoveries = new HashMap<>();

    AppliedObjectsSoakCheck(ClusterConnector connector, ClientSettings settings, Map<String, Cluster> clusters,
                            Map<String, List<ResourceKey>> applied) {
        this.connector = connector;
        this.settings = settings;
        this.clusters = Map.copyOf(clusters);
        this.applied = Map.copyOf(applied);
    }

    @Override
    public SoakObservation observe(String cluster) {
        try {
            var connection = connections.computeIfAbsent(cluster,
                    c -> connector.connect(clusters.get(c), settings, RequestGate.OPEN));
            var api = connection.api();
            var discovery = discoveries.computeIfAbsent(cluster, c -> new DiscoveryReader().read(api));
            for (var key : applied.getOrDefault(cluster, List.of())) {
                var resource = discovery.preferred(key.groupKind());
                if (resource.isEmpty()) {
                    return new SoakObservation(cluster, SoakProblem.GONE, key.subject(), "its kind is no longer served");
                }
                var live = api.get(resource.get().objectPath(key.namespace(), key.name()));
                if (live == null) {
                    return new SoakObservation(cluster, SoakProblem.GONE, key.subject(), null);
                }
                if (live.get("metadata") instanceof Map<?, ?> meta && meta.get("deletionTimestamp") != null) {
                    return new SoakObservation(cluster, SoakProblem.TERMINATING, key.subject(), null);
                }
            }
            return SoakObservation.healthy(cluster);
        } catch (ApiException e) {
            return new SoakObservation(cluster, SoakProblem.UNREACHABLE, null, e.getMessage());
        }
    }

    @Override
    public void close() {
        connections.values().forEach(ClusterConnection::close);
    }
}
