package io.fleetsync.cluster.graal;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

/**
 * Keeps Fabric8's typed client DSL out of the native executable.
 *
 * <p>fleetsync talks to clusters through Fabric8's {@code Config} and {@code HttpClient} only ({@code KubeApi} builds
 * its own REST paths, docs/architecture.md) and never constructs a {@code KubernetesClient}. The Kubernetes-client
 * extension still registers {@code KubernetesClientImpl} for reflection with all its methods, and its
 * {@code registerDefaultHandlers} names an operations class for every built-in resource type: about a fifth of
 * the executable, none of it ever run. Cutting that one method cuts the handlers; should anything ever build a
 * {@code KubernetesClient} in the native executable, it fails at once instead of misbehaving. A Fabric8 upgrade that
 * renames the method fails the native build (a substitution of a missing method is a build error), not a run.
 */
@TargetClass(className = "io.fabric8.kubernetes.client.impl.KubernetesClientImpl")
final class WithoutFabric8Dsl {

    @Substitute
    protected void registerDefaultHandlers() {
        throw new UnsupportedOperationException(
                "fleetsync's native executable carries no Fabric8 KubernetesClient DSL; use cluster.KubeApi");
    }
}
