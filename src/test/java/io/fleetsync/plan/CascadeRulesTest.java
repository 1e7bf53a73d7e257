package io.fleetsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.diff.HoldBack;
import io.fleetsync.resource.ResourceKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a cascading delete may take with it: only what the same plan prunes. */
class CascadeRulesTest {
    private final ResourceKey own = new ResourceKey("example.com", "Widget", "team-a", "own");
    private final ResourceKey w1 = new ResourceKey("example.com", "Widget", "team-a", "w1");
    private final ResourceKey w2 = new ResourceKey("example.com", "Widget", "team-b", "w2");

    @Test
    void objectsTheSamePlanPrunesDoNotHoldTheDeleteBack() {
        var scope = new PruneScope(Set.of(own), Set.of());

        assertThat(CascadeRules.verdict(HoldBack.Reason.CRD_HAS_FOREIGN_RESOURCES, List.of(own), scope)).isEmpty();
    }

    @Test
    void everyOtherObjectIsCountedAndTheFirstIsTheExample() {
        var scope = new PruneScope(Set.of(own), Set.of());

        var verdict = CascadeRules.verdict(HoldBack.Reason.CRD_HAS_FOREIGN_RESOURCES, List.of(w2, own, w1), scope);

        assertThat(verdict).contains(new HoldBack(HoldBack.Reason.CRD_HAS_FOREIGN_RESOURCES, 2,
                "Widget.example.com/team-a/w1"));
    }

    @Test
    void anOwnedObjectThatIsStillDesiredHoldsTheDeleteBack() {
        var scope = PruneScope.of(List.of());
        var stillDesired = new PruneScope(Set.of(), Set.of(own));

        assertThat(CascadeRules.verdict(HoldBack.Reason.NAMESPACE_NOT_EMPTY, List.of(own), stillDesired))
                .map(HoldBack::count).contains(1L);
        assertThat(CascadeRules.verdict(HoldBack.Reason.NAMESPACE_NOT_EMPTY, List.of(), scope)).isEmpty();
    }

    @Test
    void objectsTheClusterMakesGoWithTheirNamespace() {
        assertThat(CascadeRules.madeByCluster("Event", Map.of())).isTrue();
        assertThat(CascadeRules.madeByCluster("ConfigMap", meta("kube-root-ca.crt"))).isTrue();
        assertThat(CascadeRules.madeByCluster("ServiceAccount", meta("default"))).isTrue();
        assertThat(CascadeRules.madeByCluster("ReplicaSet", Map.of("metadata", Map.of("name", "web-6d4",
                "ownerReferences", List.of(Map.of("kind", "Deployment", "name", "web")))))).isTrue();
        assertThat(CascadeRules.madeByCluster("ConfigMap", meta("someone-elses"))).isFalse();
        assertThat(CascadeRules.madeByCluster("ServiceAccount", meta("builder"))).isFalse();
    }

    @Test
    void aCrdsObjectsAreListedInAServedVersionAcrossAllNamespaces() {
        var crd = Map.<String, Object>of("spec", Map.of("group", "example.com", "scope", "Namespaced",
                "names", Map.of("plural", "widgets", "kind", "Widget"),
                "versions", List.of(Map.of("name", "v1alpha1", "served", false),
                        Map.of("name", "v1", "served", true, "storage", true))));

        var where = CascadeRules.crdObjects(crd).orElseThrow();

        assertThat(where.collectionPath()).isEqualTo("/apis/example.com/v1/widgets");
        assertThat(where.kind()).isEqualTo("Widget");
    }

    @Test
    void aCrdServingNoVersionHasObjectsThatCannotBeListed() {
        var crd = Map.<String, Object>of("spec", Map.of("group", "example.com", "names", Map.of("plural", "widgets",
                "kind", "Widget"), "versions", List.of(Map.of("name", "v1", "served", false))));

        assertThat(CascadeRules.crdObjects(crd)).isEmpty();
    }

    private static Map<String, Object> meta(String name) {
        return Map.of("metadata", Map.of("name", name));
    }
}
