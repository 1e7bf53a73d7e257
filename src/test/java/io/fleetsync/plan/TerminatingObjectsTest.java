package io.fleetsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.cluster.ApiResource;
import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.diff.HoldBack;
import io.fleetsync.resource.ResourceKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A desired object being deleted, or in a namespace being deleted, is a blocked create, never unchanged. */
class TerminatingObjectsTest {
    private static final ApiResource CONFIG_MAPS = new ApiResource("", "v1", "ConfigMap", "configmaps", true);
    private final ResourceKey cm = new ResourceKey("", "ConfigMap", "demo", "cfg");
    private static final String SINCE = "2026-12-01T19:00:00Z";

    @Test
    void anUnchangedObjectThatIsBeingDeletedIsABlockedCreate() {
        var p = planned(Action.UNCHANGED, Map.of("metadata", Map.of("name", "cfg", "deletionTimestamp", SINCE)));

        var change = TerminatingObjects.marked(p, Map.of()).change();

        assertThat(change.action()).isEqualTo(Action.CREATE);
        assertThat(change.heldBack()).isEqualTo(new HoldBack(HoldBack.Reason.TERMINATING, 0, SINCE));
    }

    @Test
    void aCreateIntoATerminatingNamespaceIsBlockedWithTheNamespace() {
        var change = TerminatingObjects.marked(planned(Action.CREATE, null), Map.of("demo", SINCE)).change();

        assertThat(change.action()).isEqualTo(Action.CREATE);
        assertThat(change.heldBack()).isEqualTo(new HoldBack(HoldBack.Reason.NAMESPACE_TERMINATING, 0, "demo"));
        assertThat(change.heldBack().reason().blocksWrite()).isTrue();
    }

    @Test
    void objectsInALiveNamespaceAreLeftAsPlanned() {
        var active = new HashMap<String, String>();
        active.put("demo", null);
        var p = planned(Action.UPDATE, Map.of("metadata", Map.of("name", "cfg")));

        assertThat(TerminatingObjects.marked(p, active)).isSameAs(p);
        assertThat(TerminatingObjects.marked(planned(Action.CREATE, null), Map.of())).extracting(x -> x.change()
                .heldBack()).isNull();
    }

    @Test
    void deletesAndObjectsNeedingAdoptionAreLeftAlone() {
        var live = Map.<String, Object>of("metadata", Map.of("name", "cfg", "deletionTimestamp", SINCE));

        assertThat(TerminatingObjects.marked(planned(Action.DELETE, live), Map.of("demo", SINCE)).change().heldBack())
                .isNull();
        assertThat(TerminatingObjects.marked(planned(Action.ADOPT_NEEDED, live), Map.of()).change().heldBack())
                .isNull();
    }

    private PlannedObject planned(Action action, Map<String, Object> live) {
        return new PlannedObject(new Change(cm, "app", action, List.of(), List.of(), null, null), CONFIG_MAPS,
                Map.of(), live, false);
    }
}
