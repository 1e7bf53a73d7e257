package io.fleetsync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ControllerManagerTest {

    @Test
    void namespaceDeletionCompletesOnceTheControllerManagerRuns() {
        ClusterProcess controllerManager;
        try (var clusters = ClusterPool.instance().fresh(1)) {
            var cluster = clusters.get(0).startControllerManager();
            var namespace = cluster.createUniqueNamespace("deleted");

            cluster.client().namespaces().withName(namespace).delete();

            cluster.client().namespaces().withName(namespace).waitUntilCondition(ns -> ns == null, 60,
                    TimeUnit.SECONDS);
            controllerManager = cluster.processes().stream()
                    .filter(p -> p.binary().equals(KubeBinaries.CONTROLLER_MANAGER)).findFirst().orElseThrow();
            assertThat(controllerManager.isAlive()).isTrue();
        }
        assertThat(controllerManager.isAlive()).isFalse();
    }
}
