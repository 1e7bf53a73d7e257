package io.fleetsync.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Hands out real Kubernetes clusters (kube-apiserver + etcd on loopback) to tests; starts them in parallel and
 * stops every one it started when the JVM exits.
 *
 * <p><b>Shared clusters.</b> {@link #shared(int) shared(n)} returns the clusters {@code shared-1 … shared-n},
 * starting only those that no earlier test class started. Every test class in the JVM gets the same instances, so
 * a suite pays for a cluster's start (a few seconds each on two cores) once. Shared clusters are never stopped by
 * tests.
 *
 * <p><b>Isolation.</b> Tests on shared clusters must leave them usable for the next test and must not depend on
 * what others did:
 * <ul>
 *   <li>Put namespaced objects in a namespace of your own: {@link RealCluster#createUniqueNamespace(String)}.
 *       Do not delete it (without kube-controller-manager it would stay {@code Terminating}); it dies with the
 *       cluster.</li>
 *   <li>Give cluster-scoped objects (CRDs, ClusterRoles, namespaces you name yourself) names unique to the test,
 *       and never assert on "all objects of a kind" across the cluster — filter by your namespace or label.</li>
 *   <li>When a test needs an empty cluster, mutates something global (CRD versions, admission, API server
 *       flags), stops a cluster, or checks processes, ask for fresh ones:
 *       {@code try (var clusters = ClusterPool.instance().fresh(3)) { … }} — they stop at the end of the block
 *       (with {@code @WithRealClusters(fresh = true)}, after the test class).</li>
 * </ul>
 *
 * <p>A test that needs clusters fails with {@link KubeBinaries.MissingKubeBinariesException} when the binaries are
 * missing; it never skips.
 */
public final class ClusterPool {

    private static final Logger LOG = Logger.getLogger(ClusterPool.class);

    // One pool per JVM is the point: it is what lets test classes share clusters.
    private static final class Instance {
        static final ClusterPool POOL = new ClusterPool(KubeBinaries.fromEnvironment(),
                Path.of(System.getProperty("fleetsync.clusters.dir", "target/real-clusters")));

        static {
            POOL.stopOrphans();
            Runtime.getRuntime().addShutdownHook(new Thread(POOL::stopAll, "real-clusters-stop"));
        }
    }

    private final KubeBinaries binaries;
    private final Path workRoot;
    private final List<RealCluster> shared = new ArrayList<>(); // guarded by this
    private final Set<RealCluster> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger freshCount = new AtomicInteger();
    private final SharedCertificates certificates;

    ClusterPool(KubeBinaries binaries, Path workRoot) {
        this.binaries = binaries;
        this.workRoot = workRoot;
        this.certificates = new SharedCertificates(
                workRoot.resolve("certificates-" + ProcessHandle.current().pid()));
    }

    /** The JVM-wide pool. */
    public static ClusterPool instance() {
        return Instance.POOL;
    }

    /** The first {@code count} shared clusters, starting the missing ones in parallel. */
    public synchronized Clusters shared(int count) {
        requirePositive(count);
        if (shared.size() < count) {
            var names = IntStream.rangeClosed(shared.size() + 1, count).mapToObj(i -> "shared-" + i).toList();
            shared.addAll(startAll(names));
        }
        return new Clusters(shared.subList(0, count), clusters -> { });
    }

    /** {@code count} new clusters for the caller alone ({@code fresh-<k>}); closing the result stops them. */
    public Clusters fresh(int count) {
        requirePositive(count);
        var names = IntStream.range(0, count).mapToObj(i -> "fresh-" + freshCount.incrementAndGet()).toList();
        return new Clusters(startAll(names), this::stop);
    }

    /**
     * {@code count} new clusters for the caller alone that run workloads ({@link RealCluster#startWorkloads()}),
     * made ready in parallel; closing the result stops them.
     */
    public Clusters freshWithWorkloads(int count) {
        var clusters = fresh(count);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = clusters.all().stream()
                    .map(c -> executor.submit(c::startWorkloads)).toList();
            for (var future : futures) {
                future.get();
            }
            return clusters;
        } catch (ExecutionException | InterruptedException | RuntimeException e) {
            clusters.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            var cause = e instanceof ExecutionException ee ? ee.getCause() : e;
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
    }

    /** One new cluster for the caller alone, its API server started with extra flags; closing it stops it. */
    public Clusters fresh(java.util.Map<String, String> apiServerFlags) {
        var name = "fresh-" + freshCount.incrementAndGet();
        return new Clusters(startAll(List.of(name), apiServerFlags), this::stop);
    }

    /** {@code count} new clusters for the caller alone, their API servers started with extra flags. */
    public Clusters fresh(int count, java.util.Map<String, String> apiServerFlags) {
        requirePositive(count);
        var names = IntStream.range(0, count).mapToObj(i -> "fresh-" + freshCount.incrementAndGet()).toList();
        return new Clusters(startAll(names, apiServerFlags), this::stop);
    }

    /** Starts one cluster per name at the same time; if any fails, stops the others and throws. */
    List<RealCluster> startAll(List<String> names) {
        return startAll(names, java.util.Map.of());
    }

    private List<RealCluster> startAll(List<String> names, java.util.Map<String, String> flags) {
        binaries.require(KubeBinaries.API_SERVER_BINARIES);
        var begin = System.nanoTime();
        var started = new ArrayList<RealCluster>();
        RuntimeException failure = null;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<RealCluster>>();
            for (var name : names) {
                futures.add(executor.submit(() -> startRetryingOnce(name, flags)));
            }
            for (var future : futures) {
                try {
                    var cluster = future.get();
                    running.add(cluster);
                    started.add(cluster);
                } catch (ExecutionException e) {
                    var cause = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e);
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new IllegalStateException("interrupted while starting clusters " + names, e);
                }
            }
        }
        if (failure != null) {
            stop(started);
            throw failure;
        }
        LOG.infof("started %s in %.1f s (each: %s)", names, (System.nanoTime() - begin) / 1e9,
                started.stream().map(c -> c.name() + " " + c.startup().toMillis() + " ms").toList());
        return List.copyOf(started);
    }

    /**
     * kube-api-test picks etcd's and kube-apiserver's ports at random in 49152-65535, mostly inside Linux's
     * ephemeral range (32768-60999), and closes its probe socket before the process binds: now and then another
     * process's outgoing connection takes the port in between, the process exits with "address already in use" and
     * the start fails after its timeout (seen once in CI, one start of about a hundred). A second start draws new
     * ports; a cluster that fails twice is a real problem and fails the test.
     */
    private RealCluster startRetryingOnce(String name, java.util.Map<String, String> flags) {
        try {
            return RealCluster.start(name, binaries, workRoot, certificates, flags);
        } catch (IllegalStateException first) {
            LOG.warnf("cluster %s did not start, starting it once more on new ports: %s", name, causes(first));
            try {
                return RealCluster.start(name, binaries, workRoot, certificates, flags);
            } catch (IllegalStateException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private static String causes(Throwable failure) {
        var text = new StringBuilder();
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            text.append(text.isEmpty() ? "" : " <- ").append(cause);
        }
        return text.toString();
    }

    void stop(List<RealCluster> clusters) {
        RuntimeException failure = null;
        for (var cluster : clusters) {
            try {
                cluster.stop();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not stop every cluster cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            } finally {
                running.remove(cluster);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void stopAll() {
        try {
            stop(List.copyOf(running));
        } finally {
            certificates.delete();
        }
    }

    /**
     * Kills cluster processes that a killed test JVM left behind in this pool's folder (a shutdown hook does not
     * run on SIGKILL). A process counts as orphaned when its parent is no longer a JVM; clusters of test JVMs
     * that are still running, and everything outside this folder, are left alone.
     */
    void stopOrphans() {
        var prefix = workRoot.toAbsolutePath() + "/";
        ProcessHandle.allProcesses()
                .filter(p -> ClusterProcess.argv0(p).filter(argv0 -> argv0.startsWith(prefix)).isPresent())
                .filter(p -> p.parent().flatMap(parent -> parent.info().command())
                        .map(command -> !command.endsWith("/java")).orElse(true))
                .forEach(orphan -> {
                    LOG.warnf("stopping %s (PID %d), left behind by a test JVM that did not exit cleanly",
                            ClusterProcess.argv0(orphan).orElse("?"), orphan.pid());
                    orphan.destroyForcibly();
                    orphan.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
                });
    }

    private static void requirePositive(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("ask for at least one cluster, not " + count);
        }
    }
}
