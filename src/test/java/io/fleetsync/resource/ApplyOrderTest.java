package io.fleetsync.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplyOrderTest {
    @Test
    void namespacesAndCrdsComeFirstCustomResourcesWithWorkloads() {
        assertThat(ApplyOrder.stage(new ResourceKey("", "Namespace", "", "demo"))).isEqualTo(ApplyOrder.FOUNDATION);
        assertThat(ApplyOrder.stage(new ResourceKey("apiextensions.k8s.io", "CustomResourceDefinition", "", "w.x")))
                .isEqualTo(ApplyOrder.FOUNDATION);
        assertThat(ApplyOrder.stage(new ResourceKey("rbac.authorization.k8s.io", "ClusterRole", "", "r")))
                .isEqualTo(ApplyOrder.SUPPORT);
        assertThat(ApplyOrder.stage(new ResourceKey("", "ConfigMap", "demo", "c"))).isEqualTo(ApplyOrder.SUPPORT);
        assertThat(ApplyOrder.stage(new ResourceKey("apps", "Deployment", "demo", "d"))).isEqualTo(ApplyOrder.WORKLOAD);
        assertThat(ApplyOrder.stage(new ResourceKey("demo.fleetsync.io", "Widget", "demo", "w")))
                .isEqualTo(ApplyOrder.WORKLOAD);
    }

    @Test
    void applySetIdFollowsKubectlsFormat() {
        var set = ApplySet.forTarget("base");
        assertThat(set.id()).matches("applyset-[A-Za-z0-9_-]{43}-v1");
        assertThat(set.id()).isNotEqualTo(ApplySet.forTarget("other").id());
        assertThat(set.parentNamespace()).isEqualTo("kube-system");
    }
}
