package io.fleetsync.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagedFieldsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @SuppressWarnings("unchecked")
    private static Map<String, Object> live() throws Exception {
        try (var in = ManagedFieldsTest.class.getResourceAsStream("/diff/deployment-live.yaml")) {
            return YAML.readValue(in, Map.class);
        }
    }

    private static Map<String, Object> desired(String image, String cpu) throws Exception {
        return YAML.readValue("""
                metadata:
                  labels: {app: web, applyset.kubernetes.io/part-of: applyset-abc-v1}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                        - name: app
                          image: %s
                          ports: [{containerPort: 8080}]
                          resources: {limits: {cpu: %s}}
                """.formatted(image, cpu), Map.class);
    }

    @Test
    void ownedFieldsLeaveOutDefaultsAndOtherManagersFields() throws Exception {
        var owned = new ManagedFields().ownedBy(live(), "fleetsync", "apps/v1").orElseThrow();

        assertThat(owned).doesNotContainKey("status");
        @SuppressWarnings("unchecked")
        var spec = (Map<String, Object>) owned.get("spec");
        assertThat(spec).containsOnlyKeys("selector", "template");
        assertThat(owned.toString()).doesNotContain("istio-proxy", "replicas", "imagePullPolicy", "RollingUpdate");
    }

    @Test
    void manifestEqualToOwnedFieldsIsUnchangedDespiteServerQuantitySpelling() throws Exception {
        var owned = new ManagedFields().ownedBy(live(), "fleetsync", "apps/v1").orElseThrow();

        assertThat(FieldDiff.paths(desired("nginx:1.27", "1000m"), owned)).isEmpty();
    }

    @Test
    void changedImageIsReportedByContainerName() throws Exception {
        var owned = new ManagedFields().ownedBy(live(), "fleetsync", "apps/v1").orElseThrow();

        assertThat(FieldDiff.paths(desired("nginx:1.28", "1"), owned))
                .containsExactly("spec.template.spec.containers[name=app].image");
    }

    @Test
    void noApplyEntryForTheManagerMeansUndecided() throws Exception {
        assertThat(new ManagedFields().ownedBy(live(), "someone-else", "apps/v1")).isEmpty();
        assertThat(new ManagedFields().ownedBy(live(), "fleetsync", "apps/v1beta1")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void afterAdoptionThePreviousApplierNoLongerCoOwnsFleetsyncsFields() throws Exception {
        Map<String, Object> adopted;
        try (var in = ManagedFieldsTest.class.getResourceAsStream("/diff/adopted-from-kubectl.yaml")) {
            adopted = YAML.readValue(in, Map.class);
        }

        var released = ManagedFields.releasedTo(adopted, "fleetsync").orElseThrow();

        assertThat(released).extracting(e -> e.get("manager")).containsExactly("fleetsync");
        var again = new java.util.LinkedHashMap<>(adopted);
        again.put("metadata", new java.util.LinkedHashMap<>((Map<String, Object>) adopted.get("metadata")));
        ((Map<String, Object>) again.get("metadata")).put("managedFields", released);
        assertThat(ManagedFields.releasedTo(again, "fleetsync")).as("nothing left to release").isEmpty();
    }

    @Test
    void releasingKeepsWhatOnlyTheOtherManagerOwnsAndSubresourceEntries() {
        var mine = Map.<String, Object>of("f:spec", Map.of("f:containers", Map.of(
                "k:{\"name\":\"web\"}", Map.of(".", Map.of(), "f:image", Map.of(), "f:name", Map.of()))));
        var theirs = Map.<String, Object>of("f:metadata", Map.of("f:annotations", Map.of("f:note", Map.of())),
                "f:spec", Map.of("f:containers", Map.of(
                        "k:{\"name\":\"web\"}", Map.of(".", Map.of(), "f:image", Map.of(), "f:args", Map.of()))));
        var scale = Map.<String, Object>of("f:spec", Map.of("f:replicas", Map.of()));
        var live = Map.<String, Object>of("metadata", Map.of("managedFields", List.of(
                entry("fleetsync", "Apply", null, mine), entry("helm", "Update", null, theirs),
                entry("kubectl", "Update", "scale", scale))));

        var released = ManagedFields.releasedTo(live, "fleetsync").orElseThrow();

        assertThat(released).hasSize(3);
        assertThat(released.get(1).get("fieldsV1")).isEqualTo(Map.of(
                "f:metadata", Map.of("f:annotations", Map.of("f:note", Map.of())),
                "f:spec", Map.of("f:containers", Map.of("k:{\"name\":\"web\"}", Map.of("f:args", Map.of())))));
        assertThat(released.get(2).get("fieldsV1")).isEqualTo(scale);
    }

    private static Map<String, Object> entry(String manager, String operation, String subresource,
                                             Map<String, Object> fields) {
        var e = new java.util.LinkedHashMap<String, Object>();
        e.put("manager", manager);
        e.put("operation", operation);
        e.put("apiVersion", "apps/v1");
        if (subresource != null) {
            e.put("subresource", subresource);
        }
        e.put("fieldsType", "FieldsV1");
        e.put("fieldsV1", fields);
        return e;
    }

    @Test
    void quantitiesCompareByValueOnlyWhereTheyAreQuantities() {
        assertThat(FieldDiff.paths(Map.of("limits", Map.of("memory", "1Gi")), Map.of("limits", Map.of("memory", "1024Mi"))))
                .isEmpty();
        assertThat(FieldDiff.paths(Map.of("data", Map.of("x", "1000m")), Map.of("data", Map.of("x", "1"))))
                .containsExactly("data.x");
    }

    @Test
    void reorderedNamedItemsAndKeysWithDotsGetReadablePaths() {
        var a = Map.<String, Object>of("env", List.of(Map.of("name", "A", "value", "1"), Map.of("name", "B", "value", "2")));
        var b = Map.<String, Object>of("env", List.of(Map.of("name", "B", "value", "2"), Map.of("name", "A", "value", "1")));
        assertThat(FieldDiff.paths(a, b)).containsExactly("env");
        assertThat(FieldDiff.paths(Map.of("labels", Map.of("app.kubernetes.io/name", "x")),
                Map.of("labels", Map.of("app.kubernetes.io/name", "y"))))
                .containsExactly("labels[\"app.kubernetes.io/name\"]");
        assertThat(FieldDiff.paths(Map.of("n", 1), Map.of("n", 1L))).isEmpty();
    }
}
