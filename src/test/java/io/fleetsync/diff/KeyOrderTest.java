package io.fleetsync.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.resource.ResourceKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyOrderTest {
    static final ResourceKey WEB = new ResourceKey("apps", "Deployment", "demo", "web");

    @Test
    void anUpdateDiffShowsOnlyTheChangedLineWhateverOrderEachSideListsItsKeysIn() {
        // The server returns spec before metadata and sorts keys; the manifest has the author's order.
        var live = map("spec", map("template", map("spec", map("containers", List.of(
                        map("image", "web:1", "name", "web", "ports", List.of(map("containerPort", 8080)))))),
                        "replicas", 2),
                "metadata", map("namespace", "demo", "name", "web", "labels", map("tier", "web", "app", "web")),
                "kind", "Deployment", "apiVersion", "apps/v1");
        var desired = map("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", map("name", "web", "namespace", "demo", "labels", map("app", "web", "tier", "web")),
                "spec", map("replicas", 2, "template", map("spec", map("containers", List.of(
                        map("name", "web", "image", "web:2", "ports", List.of(map("containerPort", 8080))))))));

        var diff = new YamlDiff().diff(WEB, live, desired);

        assertThat(diff.lines().filter(l -> (l.startsWith("-") || l.startsWith("+"))
                && !l.startsWith("---") && !l.startsWith("+++")))
                .containsExactly("-          image: web:1", "+          image: web:2");
    }

    @Test
    void canonicalOrderIsTypeMetaMetadataSpecThenAlphabeticalWithNameFirst() {
        var ordered = KeyOrder.canonical(map("status", map(), "zeta", 1, "data", map("b", 1, "a", 2), "spec", map(),
                "metadata", map("labels", map(), "uid", "x", "namespace", "n", "name", "a"),
                "kind", "K", "apiVersion", "v1",
                "items", List.of(map("value", "1", "name", "A"))));

        assertThat(ordered.keySet()).containsExactly("apiVersion", "kind", "metadata", "spec", "data", "items",
                "status", "zeta");
        assertThat(keys(ordered.get("metadata"))).containsExactly("name", "namespace", "labels", "uid");
        assertThat(keys(ordered.get("data"))).containsExactly("a", "b");
        assertThat(keys(((List<?>) ordered.get("items")).get(0))).containsExactly("name", "value");
    }

    static List<String> keys(Object map) {
        return ((Map<?, ?>) map).keySet().stream().map(String::valueOf).toList();
    }

    static Map<String, Object> map(Object... kv) {
        var m = new LinkedHashMap<String, Object>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
