package io.fleetsync.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedValuesTest {
    private final SharedValues shared = new SharedValues();

    /** A map as the parser builds it: a fresh, unmodifiable, insertion-ordered copy each time. */
    private static Map<String, Object> parsed(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(new String((String) keysAndValues[i]), keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static List<Object> list(Object... items) {
        return Collections.unmodifiableList(new ArrayList<>(List.of(items)));
    }

    private static Map<String, Object> deployment(String cluster) {
        var spec = parsed("replicas", 2, "template", parsed("spec", parsed("containers",
                list(parsed("name", "web", "image", new String("registry.k8s.io/pause:3.10"))))));
        return parsed("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", parsed("name", "web", "labels", parsed("cluster", cluster)), "spec", spec);
    }

    @Test
    void equalSubtreesOfObjectsRenderedForDifferentClustersBecomeOneInstance() {
        var eu = shared.shareObject(deployment("prod-eu"));
        var us = shared.shareObject(deployment("prod-us"));

        assertThat(eu).isEqualTo(deployment("prod-eu"));
        assertThat(us).isEqualTo(deployment("prod-us"));
        assertThat(us.get("spec")).isSameAs(eu.get("spec"));
        assertThat(us.keySet().iterator().next()).isSameAs(eu.keySet().iterator().next());
        // What differs stays apart: the metadata that names the cluster.
        assertThat(us.get("metadata")).isNotSameAs(eu.get("metadata")).isNotEqualTo(eu.get("metadata"));
        assertThat(us).isNotSameAs(eu);
        assertThat(shared.shareObject(deployment("prod-eu"))).isSameAs(eu);
    }

    @Test
    void aTreeReplacedByItsSharedEqualIsNotKeptAlive() throws InterruptedException {
        var first = shared.shareObject(deployment("prod-eu"));
        var second = deployment("prod-us");
        var replaced = new WeakReference<>(second.get("spec"));
        var kept = shared.shareObject(second);
        second = null;

        assertThat(kept.get("spec")).isSameAs(first.get("spec"));
        // Positive control: what is still referenced survives the same collections.
        var canonical = new WeakReference<>(first.get("spec"));
        for (int i = 0; i < 50 && replaced.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(replaced.get()).as("the parsed spec the shared one replaced").isNull();
        assertThat(canonical.get()).isNotNull();
        assertThat(shared.shareObject(deployment("prod-us"))).isSameAs(kept);
    }

    @Test
    void mapsWithTheSameEntriesInAnotherOrderKeepTheirOwnOrder() {
        var first = shared.shareObject(parsed("b", "2", "a", "1"));
        var second = shared.shareObject(parsed("a", "1", "b", "2"));

        assertThat(first).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"));
        assertThat(second).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(second).isNotSameAs(first);
    }

    @Test
    void listsMatchOnlyWithEqualItemsInTheSameOrderAndNumbersOnlyOfTheSameType() {
        var ports = shared.share(list(80, 443));
        assertThat(shared.share(list(80, 443))).isSameAs(ports);
        assertThat(shared.share(list(443, 80))).isNotSameAs(ports).isEqualTo(List.of(443, 80));
        assertThat(shared.share(list(80L, 443L))).isNotSameAs(ports).isEqualTo(List.of(80L, 443L));
    }

    @Test
    void sharedValuesStayUnmodifiable() {
        var map = new LinkedHashMap<String, Object>();
        map.put("data", parsed("k", "v"));
        var body = shared.shareObject(Collections.unmodifiableMap(map));
        var again = shared.shareObject(parsed("data", parsed("k", "v")));

        assertThat(again).isSameAs(body);
        assertThat(catchingMutation(() -> body.put("x", "y"))).isTrue();
        assertThat(catchingMutation(() -> ((Map<String, Object>) body.get("data")).clear())).isTrue();
    }

    private static boolean catchingMutation(Runnable mutation) {
        try {
            mutation.run();
            return false;
        } catch (UnsupportedOperationException expected) {
            return true;
        }
    }
}
