package io.fleetsync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clusters with workloads start in parallel, each with its own components, and leave no process behind. */
class WorkloadsLifecycleTest {

    private static final List<String> COMPONENTS =
            List.of(KubeBinaries.CONTROLLER_MANAGER, KubeBinaries.SCHEDULER, Kwok.BINARY);

    @Test
    void everyClusterRunsItsOwnComponentsAndStopsThemWithIt() {
        var components = new ArrayList<ClusterProcess>();
        try (var clusters = ClusterPool.instance().freshWithWorkloads(2)) {
            for (var cluster : clusters.all()) {
                var own = cluster.processes().stream().filter(p -> COMPONENTS.contains(p.binary())).toList();
                assertThat(own).extracting(ClusterProcess::binary).containsExactlyInAnyOrderElementsOf(COMPONENTS);
                assertThat(own).allMatch(ClusterProcess::isAlive);
                components.addAll(own);
                assertThat(cluster.client().nodes().list().getItems())
                        .extracting(n -> n.getMetadata().getName())
                        .containsExactlyInAnyOrder(Workloads.NODE_PREFIX + 1, Workloads.NODE_PREFIX + 2);
                // The readiness probe pod was deleted again, and kwok (which plays the kubelet) removed it.
                assertThat(cluster.client().pods().inNamespace("default").withName(Workloads.PROBE_POD)
                        .waitUntilCondition(p -> p == null, 30, java.util.concurrent.TimeUnit.SECONDS)).isNull();
            }
            assertThat(components).extracting(ClusterProcess::pid).doesNotHaveDuplicates().hasSize(6);
        }
        assertThat(components).noneMatch(ClusterProcess::isAlive);
    }
}
