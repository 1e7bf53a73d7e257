package io.fleetsync.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceScopesTest {

    private static Map<String, Object> crd(String group, String kind, String scope) {
        return Map.of("apiVersion", "apiextensions.k8s.io/v1", "kind", "CustomResourceDefinition",
                "metadata", Map.of("name", "x"),
                "spec", Map.of("group", group, "scope", scope, "names", Map.of("kind", kind)));
    }

    @Test
    void builtInClusterScopedKindsAreKeyedByGroupAndKind() {
        var scopes = ResourceScopes.builtIn();

        assertThat(scopes.isNamespaced(new GroupKind("", "Namespace"))).isFalse();
        assertThat(scopes.isNamespaced(new GroupKind("rbac.authorization.k8s.io", "ClusterRole"))).isFalse();
        assertThat(scopes.isNamespaced(new GroupKind("example.io", "ClusterRole"))).isTrue();
        assertThat(scopes.isNamespaced(new GroupKind("", "ConfigMap"))).isTrue();
        assertThat(scopes.isNamespaced(new GroupKind("apps", "Deployment"))).isTrue();
    }

    @Test
    void unknownKindsAreNamespaced() {
        assertThat(ResourceScopes.builtIn().isNamespaced(new GroupKind("example.io", "Gadget"))).isTrue();
    }

    @Test
    void crdsAmongManifestsDeclareTheScopeOfTheirKind() {
        var scopes = ResourceScopes.withDefinitionsFrom(List.of(
                crd("example.io", "Gadget", "Cluster"), crd("example.io", "Widget", "Namespaced"),
                Map.of("apiVersion", "v1", "kind", "ConfigMap")));

        assertThat(scopes.isNamespaced(new GroupKind("example.io", "Gadget"))).isFalse();
        assertThat(scopes.isNamespaced(new GroupKind("example.io", "Widget"))).isTrue();
        assertThat(scopes.isNamespaced(new GroupKind("", "Namespace"))).isFalse();
    }

    @Test
    void incompleteCrdsDefineNothing() {
        assertThat(ResourceScopes.definedScope(Map.of("apiVersion", "apiextensions.k8s.io/v1",
                "kind", "CustomResourceDefinition", "spec", Map.of("group", "example.io")))).isEmpty();
    }
}
