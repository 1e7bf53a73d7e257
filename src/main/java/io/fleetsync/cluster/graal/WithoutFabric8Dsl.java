package io.fleetsync.cluster.graal;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import io.fabric8.kubernetes.client.dsl.InOutCreateable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;

/**
 * Keeps Fabric8's typed client DSL, and with it the typed model, out of the native executable.
 *
 * <p>fleetsync talks to clusters through Fabric8's {@code Config} and {@code HttpClient} only ({@code KubeApi} builds
 * its own REST paths, docs/architecture.md) and never constructs a {@code KubernetesClient}; of the model it ships
 * only kubernetes-model-core (pom.xml). The Kubernetes-client extension still registers {@code KubernetesClientImpl}
 * for reflection with all its methods: {@code registerDefaultHandlers} names an operations class for every built-in
 * type, and the four methods below name model classes of jars fleetsync leaves out, which the native builder would
 * have to link. Their bodies are cut here; should anything ever build a {@code KubernetesClient} in the native
 * executable, it fails at once instead of misbehaving. A Fabric8 upgrade that renames one fails the native build (a
 * substitution of a missing method is a build error), not a run. Raw return types: the erased signatures are what
 * the builder matches, and they name no model class.
 */
@TargetClass(className = "io.fabric8.kubernetes.client.impl.KubernetesClientImpl")
@SuppressWarnings("rawtypes")
final class WithoutFabric8Dsl {

    @Substitute
    protected void registerDefaultHandlers() {
        throw NoFabric8Dsl.unsupported();
    }

    @Substitute
    public NonNamespaceOperation certificateSigningRequests() {
        throw NoFabric8Dsl.unsupported();
    }

    @Substitute
    public InOutCreateable tokenReviews() {
        throw NoFabric8Dsl.unsupported();
    }

    @Substitute
    public MixedOperation leases() {
        throw NoFabric8Dsl.unsupported();
    }

    @Substitute
    public NonNamespaceOperation runtimeClasses() {
        throw NoFabric8Dsl.unsupported();
    }
}
