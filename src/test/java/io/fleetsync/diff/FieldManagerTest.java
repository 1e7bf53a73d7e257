package io.fleetsync.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.diff.FieldManager.Operation;
import org.junit.jupiter.api.Test;

/** The manager in a 409 cause, in the words kube-apiserver 1.34 uses (captured from real responses). */
class FieldManagerTest {
    @Test
    void kubectlScaleIsAnUpdateThroughTheScaleSubresource() {
        assertThat(FieldManager.fromConflict("conflict with \"kubectl\" with subresource \"scale\" using apps/v1"))
                .contains(new FieldManager("kubectl", Operation.UPDATE, "scale"));
    }

    @Test
    void anEditIsAnUpdateAndAnotherApplierIsAnApply() {
        assertThat(FieldManager.fromConflict("conflict with \"kubectl-edit\" using apps/v1"))
                .contains(new FieldManager("kubectl-edit", Operation.UPDATE, null));
        assertThat(FieldManager.fromConflict("conflict with \"kubectl\""))
                .contains(new FieldManager("kubectl", Operation.APPLY, null));
    }

    @Test
    void otherMessagesNameNoManager() {
        assertThat(FieldManager.fromConflict("the object has been modified")).isEmpty();
        assertThat(FieldManager.fromConflict(null)).isEmpty();
    }

    @Test
    void labelsNameTheSubresource() {
        assertThat(new FieldManager("kubectl", Operation.UPDATE, "scale").label()).isEqualTo("kubectl (scale)");
        assertThat(new FieldManager("kubectl-set", Operation.UPDATE, null).label()).isEqualTo("kubectl-set");
    }
}
