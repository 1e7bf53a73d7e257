package io.fleetsync.diff;

import static io.fleetsync.diff.YamlDiffTest.SENTINEL;
import static io.fleetsync.diff.YamlDiffTest.SENTINEL_B64;
import static io.fleetsync.diff.YamlDiffTest.linked;
import static io.fleetsync.diff.YamlDiffTest.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.resource.ResourceKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    @Test
    void maskReplacesEveryDataAndStringDataValueButKeepsKeys() {
        var secret = secret(Map.of("password", SENTINEL_B64), Map.of("pin", SENTINEL));

        var masked = SecretMasking.mask(secret);

        assertThat(masked.get("data")).isEqualTo(Map.of("password", SecretMasking.MASKED));
        assertThat(masked.get("stringData")).isEqualTo(Map.of("pin", SecretMasking.MASKED));
        assertThat(masked.toString()).doesNotContain(SENTINEL).doesNotContain(SENTINEL_B64);
    }

    @Test
    void maskLeavesTheOriginalUntouched() {
        var secret = secret(Map.of("password", SENTINEL_B64), null);

        SecretMasking.mask(secret);

        assertThat(secret.toString()).contains(SENTINEL_B64);
    }

    @Test
    void scrubRemovesPlainAndBase64ValuesFromAServerMessage() {
        var secret = secret(Map.of("password", SENTINEL_B64), null);
        var message = "Secret \"creds\" is invalid: data[password]: \"" + SENTINEL_B64 + "\" (decoded " + SENTINEL + ")";

        var scrubbed = SecretMasking.scrub(message, SecretMasking.secretValues(secret));

        assertThat(scrubbed).doesNotContain(SENTINEL).doesNotContain(SENTINEL_B64)
                .isEqualTo("Secret \"creds\" is invalid: data[password]: \"<masked>\" (decoded <masked>)");
    }

    @Test
    void scrubFindsValuesEchoedAsJsonStrings() {
        var value = "line1\n\"" + SENTINEL + "\"";
        var echoed = "{\"stringData\":{\"k\":\"line1\\n\\\"" + SENTINEL + "\\\"\"}}";

        var scrubbed = SecretMasking.scrub(echoed, SecretMasking.secretValues(linked("stringData", Map.of("k", value))));

        assertThat(scrubbed).isEqualTo("{\"stringData\":{\"k\":\"<masked>\"}}");
    }

    @Test
    void scrubLeavesVeryShortValuesSoMessagesStayReadable() {
        assertThat(SecretMasking.scrub("replicas: 1", Set.of("1"))).isEqualTo("replicas: 1");
    }

    @Test
    void scrubWithoutKnownValuesReturnsTheMessage() {
        assertThat(SecretMasking.scrub("boom", List.of())).isEqualTo("boom");
        assertThat(SecretMasking.scrub(null, Set.of("abcd"))).isNull();
    }

    @Test
    void onlyTheCoreGroupSecretKindIsASecret() {
        assertThat(SecretMasking.isSecret(new ResourceKey("", "Secret", "ns", "a"))).isTrue();
        assertThat(SecretMasking.isSecret(new ResourceKey("example.com", "Secret", "ns", "a"))).isFalse();
        assertThat(SecretMasking.isSecret(linked("apiVersion", "v1", "kind", "Secret"))).isTrue();
        assertThat(SecretMasking.isSecret(linked("apiVersion", "v1", "kind", "ConfigMap"))).isFalse();
    }
}
