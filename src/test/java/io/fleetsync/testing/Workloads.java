package io.fleetsync.testing;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Makes a harness cluster run workloads: kube-scheduler and kwok next to its API server (kube-controller-manager
 * runs already), and {@link #NODES} fake nodes that kwok plays the kubelet for. Ready means a probe pod was
 * scheduled and became Ready, so the whole chain works before a test starts.
 */
final class Workloads {

    /** Two nodes, so a DaemonSet runs more than one pod and spreading means something. */
    static final int NODES = 2;
    static final String NODE_PREFIX = "kwok-node-";
    static final String PROBE_POD = "fleetsync-workloads-probe";

    private static final Logger LOG = Logger.getLogger(Workloads.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private Workloads() {
    }

    /**
     * Starts the components and waits until a pod really runs; on failure stops what it started and throws.
     *
     * @param began when the caller started on it (before kube-controller-manager), for the log line
     */
    static List<SideProcess> start(String cluster, KubeBinaries binaries, Path clusterDir, Path kubeconfig,
                                   KubernetesClient client, long began) {
        binaries.require(List.of(KubeBinaries.SCHEDULER));
        var started = new ArrayList<SideProcess>();
        try {
            started.add(Scheduler.start(binaries, clusterDir, kubeconfig));
            started.add(Kwok.start(clusterDir, kubeconfig));
            for (int i = 1; i <= NODES; i++) {
                client.nodes().resource(fakeNode(NODE_PREFIX + i)).create();
            }
            await(cluster, "every node Ready and untainted", () -> client.nodes().list().getItems().stream()
                    .filter(n -> n.getMetadata().getName().startsWith(NODE_PREFIX))
                    .filter(Workloads::readyAndUntainted).count() == NODES, started);
            var probe = client.pods().inNamespace("default").resource(probePod());
            probe.create();
            await(cluster, "probe pod default/" + PROBE_POD + " Ready", () -> isReady(probe.get()), started);
            probe.withGracePeriod(0).delete();
            LOG.infof("%s runs workloads (kube-controller-manager, kube-scheduler, kwok, %d nodes) %.1f s after"
                    + " its API server", cluster, NODES, (System.nanoTime() - began) / 1e9);
            return List.copyOf(started);
        } catch (RuntimeException e) {
            started.forEach(SideProcess::stop);
            throw e;
        }
    }

    static Node fakeNode(String name) {
        return new NodeBuilder().withNewMetadata()
                .withName(name)
                .addToLabels("kubernetes.io/hostname", name)
                .addToLabels("kubernetes.io/os", "linux")
                .addToLabels("kubernetes.io/arch", "amd64")
                .addToLabels("type", "kwok")
                .addToAnnotations("kwok.x-k8s.io/node", "fake")
                .endMetadata()
                .build();
    }

    private static Pod probePod() {
        return new PodBuilder().withNewMetadata().withName(PROBE_POD).addToLabels("app", PROBE_POD).endMetadata()
                .withNewSpec().addNewContainer().withName("probe").withImage("registry.k8s.io/pause:3.10")
                .endContainer().endSpec()
                .build();
    }

    private static boolean readyAndUntainted(Node node) {
        var status = node.getStatus();
        var ready = status != null && status.getConditions() != null && status.getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        // The node lifecycle controller taints a new node not-ready until it has seen it Ready; the scheduler
        // keeps pods off it until then.
        var taints = node.getSpec() == null ? null : node.getSpec().getTaints();
        return ready && (taints == null || taints.isEmpty());
    }

    private static boolean isReady(Pod pod) {
        return pod != null && pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    // A plain poll: the conditions span several objects and processes, and it runs once per cluster start.
    private static void await(String cluster, String what, BooleanSupplier done, List<SideProcess> components) {
        var deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            components.forEach(SideProcess::requireAlive);
            if (System.nanoTime() > deadline) {
                var logs = new StringBuilder();
                components.forEach(c -> logs.append("\n--- ").append(c.log()).append('\n').append(c.tail()));
                throw new IllegalStateException(cluster + ": not " + what + " after " + READY_TIMEOUT.toSeconds()
                        + " s; last lines of the component logs:" + logs);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what + " on " + cluster, e);
            }
        }
    }
}
