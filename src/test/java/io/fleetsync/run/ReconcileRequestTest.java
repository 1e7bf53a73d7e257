package io.fleetsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcileRequestTest {

    @Test
    void eachFlagReachesItsOwnSettingAndNoOther() {
        var none = Requests.of(Mode.APPLY, Set.of()).runOptions();
        var dryRun = Requests.of(Mode.APPLY, Set.of(ReconcileFlag.DRY_RUN)).runOptions();
        var replace = Requests.of(Mode.APPLY, Set.of(ReconcileFlag.FORCE_REPLACE)).runOptions();
        var waitDeletion = Requests.of(Mode.APPLY, Set.of(ReconcileFlag.WAIT_FOR_DELETION)).runOptions();

        assertThat(none.write().dryRun() || none.write().forceReplace() || none.write().waitForDeletion()).isFalse();
        assertThat(dryRun.write().dryRun()).isTrue();
        assertThat(dryRun.write().forceReplace() || dryRun.write().waitForDeletion()).isFalse();
        assertThat(replace.write().forceReplace()).isTrue();
        assertThat(replace.write().dryRun() || replace.write().waitForDeletion()).isFalse();
        assertThat(waitDeletion.write().waitForDeletion()).isTrue();
        assertThat(waitDeletion.write().dryRun() || waitDeletion.write().forceReplace()).isFalse();
    }

    @Test
    void onlyAnApplyWrites() {
        assertThat(Requests.of(Mode.APPLY, Set.of()).runOptions().apply()).isTrue();
        assertThat(Requests.of(Mode.PLAN, EnumSet.allOf(ReconcileFlag.class)).runOptions().apply()).isFalse();
    }
}
