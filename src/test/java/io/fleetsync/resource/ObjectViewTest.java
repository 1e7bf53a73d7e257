package io.fleetsync.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed views read what objects carry and read missing or mistyped fields as absent, never throwing. */
class ObjectViewTest {

    @Test
    void readsIdentityOwnershipAndDeletionFromALiveObject() {
        var live = Map.<String, Object>of("apiVersion", "apps/v1", "kind", "Deployment", "metadata", Map.of(
                "name", "web", "namespace", "shop", "uid", "u-1", "resourceVersion", "42",
                "deletionTimestamp", "2026-12-01T22:00:00Z",
                "labels", Map.of(ApplySet.LABEL_PART_OF, "applyset-x"),
                "annotations", Map.of("fleetsync.io/restart-on-change", true),
                "managedFields", List.of(Map.of("manager", "fleetsync"), "junk")));

        var v = ObjectView.of(live);

        assertThat(v.keyAs("apps", "Deployment")).isEqualTo(new ResourceKey("apps", "Deployment", "shop", "web"));
        assertThat(v.uid()).isEqualTo("u-1");
        assertThat(v.resourceVersion()).isEqualTo("42");
        assertThat(v.deletionTimestamp()).contains("2026-12-01T22:00:00Z");
        assertThat(v.label(ApplySet.LABEL_PART_OF)).isEqualTo("applyset-x");
        assertThat(v.annotation("fleetsync.io/restart-on-change")).isEqualTo("true");
        assertThat(v.managedFields()).hasSize(1);
    }

    @Test
    void missingOrMistypedFieldsReadAsAbsent() {
        var v = ObjectView.of(Map.of("metadata", Map.of("labels", "not-a-map", "name", 7)));

        assertThat(v.labels()).isEmpty();
        assertThat(v.name()).isNull();
        assertThat(v.namespace()).isEmpty();
        assertThat(v.deletionTimestamp()).isEmpty();
        assertThat(ObjectView.of(null).uid()).isNull();
    }

    @Test
    void aCrdIsReadOnceWithItsScopeAndVersions() {
        var crd = Map.<String, Object>of("spec", Map.of("group", "shop.example.com", "scope", "Cluster",
                "names", Map.of("kind", "Widget", "plural", "widgets"),
                "versions", List.of(Map.of("name", "v1", "served", true), Map.of("name", "v2"))));

        var def = CrdDefinition.of(crd);

        assertThat(def.group()).isEqualTo("shop.example.com");
        assertThat(def.kind()).isEqualTo("Widget");
        assertThat(def.plural()).isEqualTo("widgets");
        assertThat(def.scope()).isEqualTo(CrdDefinition.Scope.CLUSTER);
        assertThat(def.versions()).containsExactly(new CrdDefinition.Version("v1", true),
                new CrdDefinition.Version("v2", null));
        assertThat(CrdDefinition.of(Map.of()).scope()).isEqualTo(CrdDefinition.Scope.UNSET);
    }
}
