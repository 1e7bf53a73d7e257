package io.fleetsync.resource;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides offline whether a kind is namespaced, so manifests can be validated and defaulted before any cluster
 * is contacted.
 *
 * <p>The rule: a kind is cluster-scoped when it is one of the built-in cluster-scoped kinds listed here (keyed by
 * group and kind), or when a CustomResourceDefinition among the manifests declares {@code spec.scope: Cluster} for
 * it; a CRD declaring {@code Namespaced} makes its kind namespaced. Every other kind is namespaced, which is what
 * most kinds — and the Kubernetes default for CRDs — are. A cluster-scoped kind that is neither built in here nor
 * defined by a manifest CRD would be misjudged; the API server then rejects the namespace, loudly.
 */
public final class ResourceScopes {
    private static final Set<GroupKind> BUILT_IN_CLUSTER_SCOPED = Set.of(
            new GroupKind("", "Namespace"),
            new GroupKind("", "Node"),
            new GroupKind("", "PersistentVolume"),
            new GroupKind("rbac.authorization.k8s.io", "ClusterRole"),
            new GroupKind("rbac.authorization.k8s.io", "ClusterRoleBinding"),
            new GroupKind("apiextensions.k8s.io", "CustomResourceDefinition"),
            new GroupKind("storage.k8s.io", "StorageClass"),
            new GroupKind("storage.k8s.io", "CSIDriver"),
            new GroupKind("storage.k8s.io", "CSINode"),
            new GroupKind("storage.k8s.io", "VolumeAttachment"),
            new GroupKind("storage.k8s.io", "VolumeAttributesClass"),
            new GroupKind("scheduling.k8s.io", "PriorityClass"),
            new GroupKind("networking.k8s.io", "IngressClass"),
            new GroupKind("networking.k8s.io", "ServiceCIDR"),
            new GroupKind("networking.k8s.io", "IPAddress"),
            new GroupKind("node.k8s.io", "RuntimeClass"),
            new GroupKind("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
            new GroupKind("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
            new GroupKind("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"),
            new GroupKind("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"),
            new GroupKind("admissionregistration.k8s.io", "MutatingAdmissionPolicy"),
            new GroupKind("admissionregistration.k8s.io", "MutatingAdmissionPolicyBinding"),
            new GroupKind("apiregistration.k8s.io", "APIService"),
            new GroupKind("certificates.k8s.io", "CertificateSigningRequest"),
            new GroupKind("flowcontrol.apiserver.k8s.io", "FlowSchema"),
            new GroupKind("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"),
            new GroupKind("resource.k8s.io", "DeviceClass"));

    private static final ResourceScopes BUILT_IN = new ResourceScopes(Map.of());

    /** Scopes declared by CRDs: true when namespaced. */
    private final Map<GroupKind, Boolean> customScopes;

    private ResourceScopes(Map<GroupKind, Boolean> customScopes) {
        this.customScopes = Map.copyOf(customScopes);
    }

    /** Only the built-in kinds. */
    public static ResourceScopes builtIn() {
        return BUILT_IN;
    }

    /** Built-in kinds plus the kinds defined by the CustomResourceDefinitions among these object bodies. */
    public static ResourceScopes withDefinitionsFrom(Collection<? extends Map<String, Object>> bodies) {
        var scopes = new HashMap<GroupKind, Boolean>();
        for (var body : bodies) {
            definedScope(body).ifPresent(d -> scopes.putIfAbsent(d.kind(), d.namespaced()));
        }
        return new ResourceScopes(scopes);
    }

    /** The kind and scope a CRD body defines, if the body is a well-formed enough CRD. */
    public static Optional<Definition> definedScope(Map<String, Object> body) {
        if (!(body.get("apiVersion") instanceof String apiVersion)
                || !GroupKind.of(apiVersion, String.valueOf(body.get("kind")))
                        .equals(new GroupKind("apiextensions.k8s.io", "CustomResourceDefinition"))
                || !(body.get("spec") instanceof Map<?, ?> spec)
                || !(spec.get("group") instanceof String group)
                || !(spec.get("names") instanceof Map<?, ?> names)
                || !(names.get("kind") instanceof String kind)) {
            return Optional.empty();
        }
        return Optional.of(new Definition(new GroupKind(group, kind), !"Cluster".equals(spec.get("scope"))));
    }

    public boolean isNamespaced(GroupKind kind) {
        var custom = customScopes.get(kind);
        return custom != null ? custom : !BUILT_IN_CLUSTER_SCOPED.contains(kind);
    }

    /** A kind defined by a CRD, and whether its objects live in namespaces. */
    public record Definition(GroupKind kind, boolean namespaced) {
    }
}
