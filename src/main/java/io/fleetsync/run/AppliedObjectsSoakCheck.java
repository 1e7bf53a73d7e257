package io.fleetsync.run;

import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ClientSettings;
import io.fleetsync.cluster.ClusterConnection;
import io.fleetsync.cluster.ClusterConnector;
import io.fleetsync.cluster.Discovery;
import io.fleetsync.cluster.DiscoveryReader;
import io.fleetsync.cluster.RequestGate;
import io.fleetsync.fleet.Cluster;
import io.fleetsync.health.HealthEvaluator;
import io.fleetsync.health.HealthRules;
import io.fleetsync.resource.ResourceKey;
import io.fleetsync.rollout.SoakCheck;
import io.fleetsync.rollout.SoakObservation;
import io.fleetsync.rollout.SoakProblem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Re-reads every object the wave created or updated on the cluster and finds the cluster unhealthy when one is
 * gone, being deleted, or Failed by the health model (kstatus rules and the fleet file's {@code health:} rules: a
 * Deployment past its progress deadline, a failed Job, a custom resource whose rule says Failed). InProgress is
 * not a problem during a soak: a rollout still under way, or an HPA or {@code kubectl scale} moving a generation
 * through the scale subresource, must not halt the rollout; {@code apply --wait} is what requires Current before
 * the soak starts. The generation gate uses the live generation: the soak does not know the applied one.
 */
final class AppliedObjectsSoakCheck implements SoakCheck, AutoCloseable {
    private final ClusterConnector connector;
    private final ClientSettings settings;
    private final Map<String, Cluster> clusters;
    private final Map<String, List<ResourceKey>> applied;
    /**
     * One connection and one discovery per cluster for the whole soak: a check is a few GETs. Clusters are looked
     * at side by side ({@link SoakRound}), each by one thread at a time.
     */
    private final Map<String, ClusterConnection> connections = new ConcurrentHashMap<>();
    private final Map<String, Discovery> discoveries = new ConcurrentHashMap<>();
    private final HealthEvaluator health;

    AppliedObjectsSoakCheck(ClusterConnector connector, ClientSettings settings, Map<String, Cluster> clusters,
                            Map<String, List<ResourceKey>> applied, HealthRules rules) {
        this.health = new HealthEvaluator(rules);
        this.connector = connector;
        this.settings = settings;
        this.clusters = Map.copyOf(clusters);
        this.applied = Map.copyOf(applied);
    }

    @Override
    public SoakObservation observe(String cluster) {
        try {
            // get-then-put, not computeIfAbsent: connecting is I/O and must not hold a map bin other clusters share.
            var connection = connections.get(cluster);
            if (connection == null) {
                connection = connector.connect(clusters.get(cluster), settings, RequestGate.OPEN);
                connections.put(cluster, connection);
            }
            var api = connection.api();
            var discovery = discoveries.get(cluster);
            if (discovery == null) {
                discovery = new DiscoveryReader().read(api);
                discoveries.put(cluster, discovery);
            }
            for (var key : applied.getOrDefault(cluster, List.of())) {
                var resource = discovery.preferred(key.groupKind());
                if (resource.isEmpty()) {
                    return new SoakObservation(cluster, SoakProblem.GONE, key.subject(), "its kind is no longer served");
                }
                var live = api.get(resource.get().objectPath(key.namespace(), key.name()));
                if (live == null) {
                    return new SoakObservation(cluster, SoakProblem.GONE, key.subject(), null);
                }
                var now = health.evaluate(live, 0);
                switch (now.status()) {
                    case TERMINATING -> {
                        return new SoakObservation(cluster, SoakProblem.TERMINATING, key.subject(), null);
                    }
                    case FAILED -> {
                        return new SoakObservation(cluster, SoakProblem.FAILED, key.subject(), now.message());
                    }
                    default -> {
                    }
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
