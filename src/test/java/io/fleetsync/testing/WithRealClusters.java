package io.fleetsync.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class real Kubernetes clusters from {@link ClusterPool}: declare a parameter of type
 * {@link Clusters} (all of them) or {@link RealCluster} (the first) on a constructor, lifecycle or test method.
 *
 * <pre>{@code
 * @WithRealClusters(2)
 * class ApplyTest {
 *     @Test
 *     void appliesToEveryCluster(Clusters clusters, @TempDir Path dir) {
 *         var kubeconfig = clusters.writeKubeconfig(dir.resolve("kubeconfig")); // contexts shared-1, shared-2
 *         var ns = clusters.get(0).createUniqueNamespace("apply");
 *         ...
 *     }
 * }
 * }</pre>
 *
 * See {@link ClusterPool} for how tests on shared clusters keep out of each other's way.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RealClustersExtension.class)
public @interface WithRealClusters {

    /** How many clusters the class needs. */
    int value() default 1;

    /** Start clusters for this class alone and stop them after it, instead of sharing the pool's. */
    boolean fresh() default false;

    /**
     * Fresh clusters that run workloads: kube-controller-manager, kube-scheduler and kwok with fake nodes, so
     * Deployments really roll out ({@link RealCluster#startWorkloads()}, docs/testing.md). Implies {@link #fresh()}.
     */
    boolean workloads() default false;
}
