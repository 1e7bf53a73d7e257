package io.fleetsync.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConflictPathTest {
    private static final Map<String, Object> DEPLOYMENT = Map.of(
            "metadata", Map.of("labels", Map.of("app.kubernetes.io/name", "web", "app", "web"),
                    "finalizers", List.of("example.com/a", "example.com/b")),
            "spec", Map.of("replicas", 2, "template", Map.of("spec", Map.of(
                    "containers", List.of(Map.of("name", "app", "image", "web:1",
                            "ports", List.of(Map.of("containerPort", 8080), Map.of("containerPort", 9090,
                                    "protocol", "UDP")),
                            "resources", Map.of("limits", Map.of("cpu", "1000m")))),
                    "tolerations", List.of(Map.of("key", "a"), Map.of("key", "b"))))));

    @Test
    void serverPathsReadAsTheChangedPathsOfAPlan() {
        assertThat(ConflictPath.of(".spec.replicas", DEPLOYMENT)).isEqualTo("spec.replicas");
        assertThat(ConflictPath.of(".spec.template.spec.containers[name=\"app\"].image", DEPLOYMENT))
                .isEqualTo("spec.template.spec.containers[name=app].image");
    }

    @Test
    void aPathNamesAFieldExactlyAsFieldDiffDoes() {
        var changed = Map.of("spec", Map.of("template", Map.of("spec", Map.of("containers",
                List.of(Map.of("name", "app", "image", "web:2"))))));
        var before = Map.of("spec", Map.of("template", Map.of("spec", Map.of("containers",
                List.of(Map.of("name", "app", "image", "web:1"))))));

        assertThat(FieldDiff.paths(before, changed)).containsExactly(
                ConflictPath.of(".spec.template.spec.containers[name=\"app\"].image", DEPLOYMENT));
    }

    @Test
    void validationErrorPathsWithoutTheLeadingDotReadTheSameWay() {
        assertThat(ConflictPath.of("spec.template.spec.containers[0].image", DEPLOYMENT))
                .isEqualTo("spec.template.spec.containers[name=app].image");
        assertThat(ConflictPath.of("spec.selector", DEPLOYMENT)).isEqualTo("spec.selector");
    }

    @Test
    void mapKeysWithDotsAreResolvedAgainstTheObjectAndQuoted() {
        assertThat(ConflictPath.of(".metadata.labels.app.kubernetes.io/name", DEPLOYMENT))
                .isEqualTo("metadata.labels[\"app.kubernetes.io/name\"]");
        assertThat(ConflictPath.of(".metadata.labels.app", DEPLOYMENT)).isEqualTo("metadata.labels.app");
    }

    @Test
    void itemsSelectedByOtherKeysOrBySetValueAreNamedByPosition() {
        assertThat(ConflictPath.of(".spec.template.spec.containers[name=\"app\"].ports[containerPort=9090,"
                + "protocol=\"UDP\"].containerPort", DEPLOYMENT))
                .isEqualTo("spec.template.spec.containers[name=app].ports[1].containerPort");
        assertThat(ConflictPath.of(".metadata.finalizers[=\"example.com/b\"]", DEPLOYMENT))
                .isEqualTo("metadata.finalizers[1]");
        assertThat(ConflictPath.of(".spec.template.spec.tolerations[1].key", DEPLOYMENT))
                .isEqualTo("spec.template.spec.tolerations[1].key");
    }

    @Test
    void whatTheObjectDoesNotHoldKeepsTheServersSpellingWithoutQuotes() {
        assertThat(ConflictPath.of(".spec.template.spec.containers[name=\"gone\"].image", DEPLOYMENT))
                .isEqualTo("spec.template.spec.containers[name=gone].image");
    }

    @Test
    void sameValueComparesQuantitiesByAmount() {
        var live = Map.<String, Object>of("spec", Map.of("template", Map.of("spec", Map.of("containers",
                List.of(Map.of("name", "app", "image", "web:9", "resources", Map.of("limits", Map.of("cpu", "1")))))),
                "replicas", 2));
        var cpu = ".spec.template.spec.containers[name=\"app\"].resources.limits.cpu";

        assertThat(ConflictPath.sameValue(cpu, DEPLOYMENT, live)).isTrue();
        assertThat(ConflictPath.sameValue(".spec.replicas", DEPLOYMENT, live)).isTrue();
        assertThat(ConflictPath.sameValue(".spec.template.spec.containers[name=\"app\"].image", DEPLOYMENT, live))
                .isFalse();
        assertThat(ConflictPath.sameValue(".spec.paused", DEPLOYMENT, live)).as("absent on both").isFalse();
    }
}
