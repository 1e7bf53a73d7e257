package io.fleetsync.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** Acquires the clusters of {@link WithRealClusters} before a class runs and resolves them as parameters. */
public final class RealClustersExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RealClustersExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        clusters(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        var type = parameter.getParameter().getType();
        return type == Clusters.class || type == RealCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        var clusters = clusters(context);
        return parameter.getParameter().getType() == RealCluster.class ? clusters.get(0) : clusters;
    }

    // Stored per test class; the store closes fresh clusters when the class is done (Clusters is AutoCloseable).
    private static Clusters clusters(ExtensionContext context) {
        var testClass = context.getRequiredTestClass();
        var annotation = AnnotationSupport.findAnnotation(testClass, WithRealClusters.class)
                .or(() -> context.getParent().flatMap(ExtensionContext::getTestClass)
                        .flatMap(outer -> AnnotationSupport.findAnnotation(outer, WithRealClusters.class)))
                .orElseThrow(() -> new ParameterResolutionException(testClass.getName()
                        + " needs @WithRealClusters to receive clusters"));
        var pool = ClusterPool.instance();
        return context.getStore(NAMESPACE).computeIfAbsent(annotation, a -> a.workloads()
                ? pool.freshWithWorkloads(a.value())
                : a.fresh() ? pool.fresh(a.value()) : pool.shared(a.value()), Clusters.class);
    }
}
