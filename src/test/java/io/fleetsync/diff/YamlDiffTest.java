package io.fleetsync.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.resource.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class YamlDiffTest {

    static final String SENTINEL = "s3cr3t-SENTINEL";
    static final String SENTINEL_B64 = b64(SENTINEL);
    static final ResourceKey WEB = new ResourceKey("apps", "Deployment", "demo", "web");
    static final ResourceKey CREDS = new ResourceKey("", "Secret", "demo", "creds");

    final YamlDiff yamlDiff = new YamlDiff();

    @Test
    void imageChangeShowsOneRemovedAndOneAddedLine() {
        var diff = yamlDiff.diff(WEB, deployment("nginx:1.25"), deployment("nginx:1.27"));

        assertThat(diff.lines().filter(l -> l.startsWith("-") && !l.startsWith("---")))
                .containsExactly("-          image: nginx:1.25");
        assertThat(diff.lines().filter(l -> l.startsWith("+") && !l.startsWith("+++")))
                .containsExactly("+          image: nginx:1.27");
    }

    @Test
    void headersNameTheObjectAndWhichSideIsWhich() {
        var diff = yamlDiff.diff(WEB, deployment("a"), deployment("b"));

        assertThat(diff).startsWith("--- Deployment.apps/demo/web (live)\n+++ Deployment.apps/demo/web (desired)\n");
    }

    @Test
    void createDiffsAgainstAnAbsentLiveSide() {
        var diff = yamlDiff.diff(WEB, null, deployment("nginx:1.25"));

        assertThat(diff).startsWith("--- Deployment.apps/demo/web (absent)\n+++ Deployment.apps/demo/web (desired)");
        assertThat(diff).contains("+kind: Deployment").doesNotContain("\n-kind");
    }

    @Test
    void deleteDiffsAgainstAnAbsentDesiredSide() {
        var diff = yamlDiff.diff(WEB, deployment("nginx:1.25"), null);

        assertThat(diff).contains("+++ Deployment.apps/demo/web (absent)").contains("-kind: Deployment");
    }

    @Test
    void identicalObjectsGiveAnEmptyDiff() {
        assertThat(yamlDiff.diff(WEB, deployment("x"), deployment("x"))).isEmpty();
    }

    @Test
    void keysFollowTheCanonicalOrderWhateverTheMapsInsertionOrder() {
        var shuffled = new LinkedHashMap<String, Object>();
        var d = deployment("x");
        shuffled.put("spec", d.get("spec"));
        shuffled.put("metadata", d.get("metadata"));
        shuffled.put("kind", d.get("kind"));
        shuffled.put("apiVersion", d.get("apiVersion"));

        var diff = yamlDiff.diff(WEB, null, shuffled);

        assertThat(diff.indexOf("+apiVersion")).isLessThan(diff.indexOf("+kind"));
        assertThat(diff.indexOf("+kind")).isLessThan(diff.indexOf("+metadata"));
        assertThat(diff.indexOf("+metadata")).isLessThan(diff.indexOf("+spec"));
        assertThat(yamlDiff.diff(WEB, shuffled, d)).as("same content, other order").isEmpty();
    }

    @Test
    void secretValuesNeverAppearButTheChangedKeyIsMarked() {
        var live = secret(Map.of("password", SENTINEL_B64, "user", b64("admin")), null);
        var desired = secret(Map.of("password", b64("new-" + SENTINEL), "user", b64("admin")), null);

        var diff = yamlDiff.diff(CREDS, live, desired);

        assertNoSentinel(diff);
        assertThat(diff).contains("-  password: <masked>").contains("+  password: \"<masked, changed>\"");
        assertThat(diff).doesNotContain("-  user").doesNotContain("+  user");
    }

    @Test
    void aNewSecretKeyIsMarkedAdded() {
        var live = secret(Map.of("user", b64("admin")), null);
        var desired = secret(linked("user", b64("admin"), "token", SENTINEL_B64), null);

        var diff = yamlDiff.diff(CREDS, live, desired);

        assertNoSentinel(diff);
        assertThat(diff).contains("+  token: \"<masked, added>\"");
    }

    @Test
    void stringDataMatchingTheLiveDecodedValueCountsAsUnchanged() {
        var live = secret(Map.of("password", SENTINEL_B64), null);
        var desired = secret(null, linked("password", SENTINEL, "extra", SENTINEL + "2"));

        var diff = yamlDiff.diff(CREDS, live, desired);

        assertNoSentinel(diff);
        assertThat(diff).contains("\n   password: <masked>\n").contains("+  extra: \"<masked, added>\"");
    }

    @Test
    void aCreatedSecretShowsOnlyAddedMarkers() {
        var diff = yamlDiff.diff(CREDS, null, secret(Map.of("password", SENTINEL_B64), Map.of("pin", SENTINEL)));

        assertNoSentinel(diff);
        assertThat(diff).contains("+  password: \"<masked, added>\"").contains("+  pin: \"<masked, added>\"");
    }

    @Test
    void lastAppliedAnnotationOfASecretIsMasked() {
        var live = secret(Map.of("password", SENTINEL_B64), null);
        live.put("metadata", Map.of("name", "creds", "annotations",
                Map.of(SecretMasking.LAST_APPLIED, "{\"data\":{\"password\":\"" + SENTINEL_B64 + "\"}}")));

        var diff = yamlDiff.diff(CREDS, live, null);

        assertNoSentinel(diff);
        assertThat(diff).contains(SecretMasking.LAST_APPLIED);
    }

    static void assertNoSentinel(String text) {
        assertThat(text).doesNotContain(SENTINEL).doesNotContain(SENTINEL_B64).doesNotContainIgnoringCase("sentinel");
    }

    static Map<String, Object> deployment(String image) {
        var container = linked("name", "app", "image", image);
        var podSpec = linked("containers", List.of(container));
        var template = linked("spec", podSpec);
        return linked("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", linked("name", "web", "namespace", "demo"),
                "spec", linked("replicas", 2, "template", template));
    }

    static Map<String, Object> secret(Map<String, Object> data, Map<String, Object> stringData) {
        var secret = linked("apiVersion", "v1", "kind", "Secret", "metadata", linked("name", "creds"));
        if (data != null) secret.put("data", new TreeMap<>(data));
        if (stringData != null) secret.put("stringData", stringData);
        return secret;
    }

    static Map<String, Object> linked(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
