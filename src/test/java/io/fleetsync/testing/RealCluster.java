package io.fleetsync.testing;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One real Kubernetes API server with its own etcd, listening on loopback only, started through kube-api-test.
 *
 * <p>Obtain clusters from {@link ClusterPool} (or {@link WithRealClusters}); the pool decides when they stop.
 */
public final class RealCluster {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    // kube-api-test keeps polling /readyz until this timeout even when kube-apiserver has already exited.
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

    private final String name;
    private final KubeBinaries binaries;
    private final Path directory;
    private final KubeAPIServer server;
    private final ClusterAccess access;
    private final Path kubeconfigFile;
    private final KubernetesClient client;
    private final List<ClusterProcess> processes;
    private final Duration startup;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private Process controllerManager; // guarded by this
    private List<SideProcess> workloads = List.of(); // guarded by this

    private RealCluster(String name, KubeBinaries binaries, Path directory, KubeAPIServer server,
            ClusterAccess access, List<ClusterProcess> processes, Duration startup) {
        this.name = name;
        this.binaries = binaries;
        this.directory = directory;
        this.server = server;
        this.access = access;
        this.processes = new CopyOnWriteArrayList<>(processes);
        this.startup = startup;
        this.kubeconfigFile = Kubeconfig.write(directory.resolve("kubeconfig"), List.of(access));
        this.client = new KubernetesClientBuilder().withConfig(access.clientConfig()).build();
    }

    /**
     * Starts etcd and kube-apiserver in a new folder under {@code workRoot}; blocks until the API is ready.
     *
     * @param certificates kube-api-test's certificate files to reuse, so clusters need not each generate RSA
     *        keys (kube-api-test does that under one JVM-wide lock, which serializes parallel starts)
     */
    static RealCluster start(String name, KubeBinaries binaries, Path workRoot, SharedCertificates certificates) {
        return start(name, binaries, workRoot, certificates, java.util.Map.of());
    }

    /** @param extraFlags more kube-apiserver flags, e.g. to make it throttle ({@code --max-requests-inflight}) */
    static RealCluster start(String name, KubeBinaries binaries, Path workRoot, SharedCertificates certificates,
                             java.util.Map<String, String> extraFlags) {
        binaries.require(KubeBinaries.API_SERVER_BINARIES);
        var directory = createDirectory(workRoot, name);
        certificates.copyInto(directory);
        var binDir = LoopbackBinaries.install(binaries, directory, KubeBinaries.API_SERVER_BINARIES);
        var builder = KubeAPIServerConfigBuilder.anAPIServerConfig();
        extraFlags.forEach(builder::withApiServerFlag);
        var config = builder
                .withTestDir(directory.toString())
                .withApiServerVersion(binaries.kubernetesVersion())
                // The environment variable KUBE_API_TEST_OFFLINE_MODE crashes kube-api-test 7.5.2; set it here.
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .withStartupTimeout((int) STARTUP_TIMEOUT.toMillis())
                .withApiServerFlag("--bind-address", "127.0.0.1")
                .withApiServerFlag("--advertise-address", "127.0.0.1")
                .build();
        var server = new KubeAPIServer(config);
        var begin = System.nanoTime();
        try {
            server.start();
            var startup = Duration.ofNanos(System.nanoTime() - begin);
            return new RealCluster(name, binaries, directory, server,
                    readAccess(name, server.getKubeConfigYaml()),
                    ClusterProcess.childrenStartedFrom(binDir), startup);
        } catch (RuntimeException e) {
            var failure = new IllegalStateException("cluster " + name + " did not start; to see etcd and"
                    + " kube-apiserver output, run with"
                    + " -Dquarkus.log.category.\"io.fabric8.kubeapitest\".level=DEBUG", e);
            try {
                server.stop();
                deleteRecursively(directory);
            } catch (RuntimeException cleanupFailure) {
                failure.addSuppressed(cleanupFailure);
            }
            throw failure;
        }
    }

    /** The cluster's name; also its context name in every kubeconfig the harness writes. */
    public String name() {
        return name;
    }

    /** The API server's URL, {@code https://127.0.0.1:<port>}. */
    public String apiUrl() {
        return access.apiUrl();
    }

    public ClusterAccess access() {
        return access;
    }

    /** Kubeconfig YAML with one context, named {@link #name()}, and embedded admin credentials. */
    public String kubeconfigYaml() {
        return Kubeconfig.yaml(List.of(access));
    }

    /** A file holding {@link #kubeconfigYaml()}; do not edit it, write your own with {@link Kubeconfig}. */
    public Path kubeconfigFile() {
        return kubeconfigFile;
    }

    /** A ready admin client; shared by every test that gets this cluster, so do not close it. */
    public KubernetesClient client() {
        return client;
    }

    /** The cluster's etcd and kube-apiserver, and kube-controller-manager, kube-scheduler and kwok once started. */
    public List<ClusterProcess> processes() {
        return List.copyOf(processes);
    }

    /**
     * Starts kube-controller-manager for this cluster (once; later calls return at once) and waits until its
     * controllers work, so namespace deletion completes, garbage collection runs and service accounts appear.
     *
     * <p>This changes how the cluster behaves for every later test, so call it on fresh clusters
     * ({@link ClusterPool#fresh(int)}), not shared ones. It stops with the cluster.
     */
    public synchronized RealCluster startControllerManager() {
        if (controllerManager != null) {
            return this;
        }
        binaries.require(List.of(KubeBinaries.CONTROLLER_MANAGER));
        controllerManager = ControllerManager.start(binaries, directory, kubeconfigFile);
        processes.add(new ClusterProcess(KubeBinaries.CONTROLLER_MANAGER, controllerManager.toHandle()));
        ControllerManager.awaitWorking(controllerManager, client, directory);
        return this;
    }

    /**
     * Makes this cluster run workloads (once; later calls return at once): kube-controller-manager, kube-scheduler
     * and kwok with {@value Workloads#NODES} fake nodes, so Deployments, StatefulSets, DaemonSets and Jobs really
     * roll out. Pods of images under {@code example.invalid/} or tagged {@code :broken} fail (docs/testing.md).
     * Returns when a probe pod was scheduled and became Ready. Fresh clusters only, like
     * {@link #startControllerManager()}; {@code @WithRealClusters(workloads = true)} or
     * {@link ClusterPool#freshWithWorkloads(int)} do it for you.
     */
    public synchronized RealCluster startWorkloads() {
        if (!workloads.isEmpty()) {
            return this;
        }
        var begin = System.nanoTime();
        startControllerManager();
        workloads = Workloads.start(name, binaries, directory, kubeconfigFile, client, begin);
        workloads.forEach(p -> processes.add(p.clusterProcess()));
        return this;
    }

    /** How long kube-api-test took from launching etcd until the API answered and the default namespace existed. */
    public Duration startup() {
        return startup;
    }

    /**
     * Creates a namespace no other test uses ({@code <prefix>-<random>}) and returns its name.
     *
     * <p>Without kube-controller-manager a deleted namespace stays {@code Terminating} forever, so tests leave
     * their namespaces behind; the cluster is thrown away at the end of the JVM anyway.
     */
    public String createUniqueNamespace(String prefix) {
        var suffix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
        var base = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        var namespace = base.substring(0, Math.min(base.length(), 55)) + "-" + suffix;
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                .build()).create();
        return namespace;
    }

    boolean isStopped() {
        return stopped.get();
    }

    /** Kills the processes, waits for them to end, and removes the cluster's folder; safe to call twice. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        client.close();
        synchronized (this) {
            workloads.forEach(SideProcess::stop);
            if (controllerManager != null) {
                ControllerManager.stop(controllerManager);
            }
        }
        try {
            server.stop();
        } catch (RuntimeException e) {
            // kube-api-test stops itself when a process dies unexpectedly; stopping again fails on the etcd
            // folders it already removed. Only a process that is still alive is a real failure.
            if (processes.stream().anyMatch(ClusterProcess::isAlive)) {
                throw e;
            }
        }
        deleteRecursively(directory);
    }

    @Override
    public String toString() {
        return name + " (" + apiUrl() + ")";
    }

    private static ClusterAccess readAccess(String name, String kubeApiTestYaml) {
        var config = SERIALIZATION.unmarshal(kubeApiTestYaml, io.fabric8.kubernetes.api.model.Config.class);
        var cluster = config.getClusters().getFirst().getCluster();
        var user = config.getUsers().getFirst().getUser();
        return new ClusterAccess(name, cluster.getServer(), base64Of(cluster.getCertificateAuthority()),
                base64Of(user.getClientCertificate()), base64Of(user.getClientKey()));
    }

    private static String base64Of(String file) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " written by kube-api-test", e);
        }
    }

    private static Path createDirectory(Path workRoot, String name) {
        try {
            Files.createDirectories(workRoot);
            return Files.createTempDirectory(workRoot.toAbsolutePath(), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for cluster " + name + " in " + workRoot, e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            for (var p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}
