package io.fleetsync.apply;

import io.fleetsync.result.ObjectOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fleetsync.cluster.ClientSettings;
import io.fleetsync.cluster.ClusterConnector;
import io.fleetsync.cluster.Fanout;
import io.fleetsync.cluster.RequestGate;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.HoldBack;
import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.Connection;
import io.fleetsync.fleet.Target;
import io.fleetsync.manifest.ClusterState;
import io.fleetsync.manifest.DesiredObject;
import io.fleetsync.manifest.SourceLocation;
import io.fleetsync.manifest.TargetState;
import io.fleetsync.plan.ClusterPlanner;
import io.fleetsync.plan.ClusterWork;
import io.fleetsync.plan.PlanOptions;
import io.fleetsync.resource.ResourceKey;
import io.fleetsync.testing.ClusterPool;
import io.fleetsync.testing.RealCluster;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Objects may appear between plan and apply: apply looks again right before a cascading delete, and a hold-back
 * found only then is reported as held back (not a failure), with nothing deleted.
 */
@QuarkusTest
class CascadeRecheckTest {
    private static final PlanOptions ALLOW_EMPTY = new PlanOptions(false, false, true, null, false);

    @Inject
    ClusterConnector connector;

    private final RealCluster real = ClusterPool.instance().shared(1).get(0);
    private final String id = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private final String ns = "recheck-" + id;
    private final Target target = new Target("recheck-" + id, null, ns, List.of(new io.fleetsync.fleet.Source.Files("x/")), true);

    @Test
    void anObjectCreatedAfterPlanningHoldsTheNamespaceDeleteBack() throws Exception {
        var cluster = new Cluster(real.name(), Map.of(), new Connection.Kubeconfig(real.kubeconfigFile(),
                real.name(), false));
        try (var connection = connector.connect(cluster, ClientSettings.defaults(), RequestGate.OPEN);
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var api = connection.api();
            var planner = new ClusterPlanner(new Fanout(threads), (k, a, b) -> null);
            var applier = new ClusterApplier(new Fanout(threads));
            var setUp = planner.plan(state(cluster, namespace()), api, ALLOW_EMPTY, p -> { });
            assertThat(applier.apply(setUp, api, ApplyOptions.defaults(), new ClusterJournal(p -> { }), () -> false))
                    .allMatch(o -> o.status() == ObjectOutcome.Status.DONE);

            ClusterWork prune = planner.plan(state(cluster), api, ALLOW_EMPTY, p -> { });
            var planned = prune.plan().changes().stream().filter(c -> c.key().kind().equals("Namespace"))
                    .findFirst().orElseThrow();
            assertThat(planned.action()).isEqualTo(Action.DELETE);
            assertThat(planned.heldBack()).as("nothing foreign at plan time").isNull();
            real.client().configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("late").endMetadata().addToData("key", "theirs").build()).create();

            var outcomes = applier.apply(prune, api, ApplyOptions.defaults(), new ClusterJournal(p -> { }), () -> false);

            var outcome = outcomes.stream().filter(o -> o.change().key().kind().equals("Namespace")).findFirst()
                    .orElseThrow();
            assertThat(outcome.isHeldBack()).as(outcome.toString()).isTrue();
            assertThat(outcome.change().heldBack()).isEqualTo(new HoldBack(HoldBack.Reason.NAMESPACE_NOT_EMPTY, 1,
                    "ConfigMap/" + ns + "/late"));
            assertThat(real.client().namespaces().withName(ns).get().getMetadata().getDeletionTimestamp()).isNull();

            // Positive control: with the late object gone, the same plan's delete goes ahead.
            real.client().configMaps().inNamespace(ns).withName("late").delete();
            var again = planner.plan(state(cluster), api, ALLOW_EMPTY, p -> { });
            var done = applier.apply(again, api, ApplyOptions.defaults(), new ClusterJournal(p -> { }), () -> false);
            assertThat(done).filteredOn(o -> o.change().key().kind().equals("Namespace"))
                    .extracting(ObjectOutcome::status).containsExactly(ObjectOutcome.Status.DONE);
            assertThat(real.client().namespaces().withName(ns).get().getMetadata().getDeletionTimestamp()).isNotNull();
        }
    }

    private ClusterState state(Cluster cluster, DesiredObject... objects) {
        return new ClusterState(cluster, List.of(new TargetState(target, List.of(objects))));
    }

    private DesiredObject namespace() {
        var body = Map.<String, Object>of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", ns));
        return new DesiredObject(new ResourceKey("", "Namespace", "", ns), target.name(), "v1", body,
                new SourceLocation(Path.of("x/ns.yaml"), 1));
    }
}
