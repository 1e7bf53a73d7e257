package io.fleetsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.cluster.ApiException.Cause;
import io.fleetsync.plan.FieldConflicts.Resolution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drift, same-value takeover and real conflicts, decided from a 409's causes as kube-apiserver 1.34 words them. */
class FieldConflictsTest {
    private static final Map<String, Object> DESIRED = Map.of("spec", Map.of("replicas", 2, "template", Map.of(
            "spec", Map.of("containers", List.of(Map.of("name", "web", "image", "web:1",
                    "resources", Map.of("limits", Map.of("cpu", "1000m", "memory", "0.125Gi"))))))));
    private static final Map<String, Object> LIVE = Map.of("spec", Map.of("replicas", 5, "template", Map.of(
            "spec", Map.of("containers", List.of(Map.of("name", "web", "image", "web:1",
                    "resources", Map.of("limits", Map.of("cpu", "1", "memory", "128Mi"))))))));
    private static final String CPU = ".spec.template.spec.containers[name=\"web\"].resources.limits.cpu";
    private static final String MEMORY = ".spec.template.spec.containers[name=\"web\"].resources.limits.memory";

    @Test
    void kubectlScaleIsDriftToRevert() {
        var c = FieldConflicts.of(List.of(cause(".spec.replicas",
                "conflict with \"kubectl\" with subresource \"scale\" using apps/v1")), DESIRED, LIVE, false);

        assertThat(c.resolvable()).isTrue();
        assertThat(c.fields()).extracting(FieldConflicts.FieldConflict::resolution).containsExactly(Resolution.REVERT_EDIT);
        assertThat(c.managers(Resolution.REVERT_EDIT)).containsExactly("kubectl (scale)");
        assertThat(c.paths()).containsExactly("spec.replicas");
    }

    @Test
    void anotherAppliersValueIsAReportedConflictInTheSyntaxOfChangedPaths() {
        var c = FieldConflicts.of(List.of(cause(".spec.replicas", "conflict with \"argocd-controller\"")),
                DESIRED, LIVE, false);

        assertThat(c.resolvable()).isFalse();
        assertThat(c.reported()).containsExactly("spec.replicas: conflict with \"argocd-controller\"");
    }

    @Test
    void adoptingTakesOverFieldsHoldingTheDesiredValueAndReportsTheRest() {
        var c = FieldConflicts.of(List.of(cause(CPU, "conflict with \"kubectl\""),
                cause(MEMORY, "conflict with \"kubectl\""), cause(".spec.replicas", "conflict with \"kubectl\"")),
                DESIRED, LIVE, true);

        assertThat(c.fields()).extracting(FieldConflicts.FieldConflict::resolution)
                .containsExactly(Resolution.TAKE_OVER, Resolution.TAKE_OVER, Resolution.REPORT);
        assertThat(c.resolvable()).isFalse();
        assertThat(c.reported()).containsExactly("spec.replicas: conflict with \"kubectl\"");
    }

    @Test
    void sameValuesAreOnlyTakenOverWhenAdopting() {
        var c = FieldConflicts.of(List.of(cause(CPU, "conflict with \"kubectl\"")), DESIRED, LIVE, false);

        assertThat(c.resolvable()).isFalse();
    }

    @Test
    void adoptingStillRevertsAnEditorsOtherValue() {
        var c = FieldConflicts.of(List.of(cause(".spec.replicas", "conflict with \"kubectl-edit\" using apps/v1")),
                DESIRED, LIVE, true);

        assertThat(c.fields()).extracting(FieldConflicts.FieldConflict::resolution)
                .containsExactly(Resolution.REVERT_EDIT);
    }

    @Test
    void aCauseThatNamesNoManagerIsReported() {
        var c = FieldConflicts.of(List.of(cause(".spec.replicas", "something else")), DESIRED, LIVE, false);

        assertThat(c.resolvable()).isFalse();
    }

    private static Cause cause(String field, String message) {
        return new Cause("FieldManagerConflict", field, message);
    }
}
