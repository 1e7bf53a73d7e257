package io.fleetsync.cluster.graal;

/** The failure {@link WithoutFabric8Dsl} substitutes for the cut methods (kept out of the substitution class). */
final class NoFabric8Dsl {
    private NoFabric8Dsl() {
    }

    static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException(
                "fleetsync's native executable carries no Fabric8 KubernetesClient DSL; use cluster.KubeApi");
    }
}
