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
    void otherManagersAreListedWithTheirOperation() throws Exception {
        assertThat(ManagedFields.otherManagers(live(), "fleetsync"))
                .containsEntry("horizontal-pod-autoscaler", "Update")
                .containsEntry("istio-sidecar-injector", "Update")
                .doesNotContainKey("fleetsync");
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
