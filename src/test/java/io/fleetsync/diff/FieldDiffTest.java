package io.fleetsync.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldDiffTest {
    @Test
    void equalValuesHaveNoPaths() {
        var v = Map.of("spec", Map.of("replicas", 2, "containers", List.of(Map.of("name", "app", "image", "a:1"))));
        assertThat(FieldDiff.paths(v, Map.copyOf(v))).isEmpty();
    }

    @Test
    void pathsNameTheChangedFieldsAndQuoteKeysThatAreNotPlain() {
        var before = Map.of("metadata", Map.of("labels", Map.of("app.kubernetes.io/name", "a", "tier", "web")),
                "spec", Map.of("containers", List.of(Map.of("name", "app", "image", "a:1"))));
        var after = Map.of("metadata", Map.of("labels", Map.of("app.kubernetes.io/name", "b", "tier", "web")),
                "spec", Map.of("containers", List.of(Map.of("name", "app", "image", "a:2"))));
        assertThat(FieldDiff.paths(before, after)).containsExactlyInAnyOrder(
                "metadata.labels[\"app.kubernetes.io/name\"]", "spec.containers[name=app].image");
    }

    @Test
    void quantitiesCompareByValue() {
        var before = Map.of("resources", Map.of("requests", Map.of("cpu", "1000m")));
        var after = Map.of("resources", Map.of("requests", Map.of("cpu", "1")));
        assertThat(FieldDiff.paths(before, after)).isEmpty();
    }
}
