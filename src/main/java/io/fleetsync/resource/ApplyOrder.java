package io.fleetsync.resource;

import java.util.Set;

/**
 * The stage in which an object is applied within a cluster. Stages run one after another, objects within a stage
 * in parallel; deletes run the stages in reverse, so custom resources go before their CRD and namespaces last.
 */
public final class ApplyOrder {
    /** Namespaces and CRDs: everything else may live in or depend on them. CRDs must be Established after it. */
    public static final int FOUNDATION = 0;
    /** Cluster-scoped objects and what workloads reference: accounts, RBAC, config, storage claims, quotas. */
    public static final int SUPPORT = 1;
    /** Workloads, services, custom resources and everything else. */
    public static final int WORKLOAD = 2;
    public static final int STAGES = 3;

    private static final Set<String> SUPPORT_KINDS = Set.of("ServiceAccount", "Secret", "ConfigMap", "Role",
            "RoleBinding", "PersistentVolumeClaim", "ResourceQuota", "LimitRange", "NetworkPolicy");

    private ApplyOrder() {
    }

    public static int stage(ResourceKey key) {
        if (isNamespace(key.groupKind()) || isCrd(key.groupKind())) {
            return FOUNDATION;
        }
        if (!key.namespaced() || SUPPORT_KINDS.contains(key.kind()) && isBuiltIn(key.group())) {
            return SUPPORT;
        }
        return WORKLOAD;
    }

    public static boolean isNamespace(GroupKind gk) {
        return gk.group().isEmpty() && gk.kind().equals("Namespace");
    }

    public static boolean isCrd(GroupKind gk) {
        return gk.group().equals("apiextensions.k8s.io") && gk.kind().equals("CustomResourceDefinition");
    }

    private static boolean isBuiltIn(String group) {
        return group.isEmpty() || group.equals("rbac.authorization.k8s.io") || group.equals("networking.k8s.io");
    }
}
