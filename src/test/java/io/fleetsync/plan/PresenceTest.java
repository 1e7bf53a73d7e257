package io.fleetsync.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.cluster.ApiResource;
import io.fleetsync.resource.ResourceKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule that picks one metadata list over GETs, from values. */
class PresenceTest {
    private static final ApiResource CONFIGMAPS = new ApiResource("", "v1", "ConfigMap", "configmaps", true);

    private static List<Presence.Lookup> lookups(String ns, int n) {
        var out = new ArrayList<Presence.Lookup>();
        for (int i = 0; i < n; i++) {
            out.add(new Presence.Lookup(new ResourceKey("", "ConfigMap", ns, "cm-" + i), CONFIGMAPS));
        }
        return out;
    }

    @Test
    void aNamespaceWithManyNewObjectsIsListedOnceAndOneWithFewKeepsItsGets() {
        var all = new ArrayList<>(lookups("big", 2000));
        all.addAll(lookups("few", Presence.GET_AT_MOST));

        var listed = Presence.toList(all);

        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).hasSize(2000).allMatch(l -> l.key().namespace().equals("big"));
    }

    @Test
    void oneMoreThanTheGetLimitIsListed() {
        assertThat(Presence.toList(lookups("ns", Presence.GET_AT_MOST + 1))).hasSize(1);
    }
}
