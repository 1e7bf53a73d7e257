package io.fleetsync.diff;

import io.fleetsync.resource.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Keeps Secret values out of diffs, messages and logs by replacing them with fixed markers. */
public final class SecretMasking {

    public static final String MASKED = "<masked>";
    public static final String MASKED_CHANGED = "<masked, changed>";
    public static final String MASKED_ADDED = "<masked, added>";

    /** kubectl copies the whole object, values included, into this annotation. */
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    /**
     * Values shorter than this are not scrubbed from free text: replacing every "1" or "ab" in a message would make
     * it unreadable, and a value that short offers no secrecy worth the damage.
     */
    static final int MIN_SCRUB_LENGTH = 4;

    private static final List<String> VALUE_FIELDS = List.of("data", "stringData");

    /** Both sides of a Secret, masked so that a diff of them still shows which keys changed. */
    public record MaskedPair(Map<String, Object> before, Map<String, Object> after) {
    }

    private SecretMasking() {
    }

    /** True for the core-group Secret kind. */
    public static boolean isSecret(ResourceKey key) {
        return key != null && key.group().isEmpty() && "Secret".equals(key.kind());
    }

    /** True when a plain object says it is a core-group Secret ({@code apiVersion: v1, kind: Secret}). */
    public static boolean isSecret(Map<String, Object> object) {
        return object != null && "Secret".equals(object.get("kind")) && "v1".equals(object.get("apiVersion"));
    }

    /**
     * A copy of {@code object} with every value under {@code data} and {@code stringData} (and kubectl's
     * last-applied annotation) replaced by {@value #MASKED}; keys stay visible. The argument is not modified.
     * Applies whatever the kind: callers decide that the map is Secret-shaped.
     */
    public static Map<String, Object> mask(Map<String, Object> object) {
        if (object == null) return null;
        var copy = new LinkedHashMap<>(object);
        for (var field : VALUE_FIELDS) {
            if (copy.get(field) instanceof Map<?, ?> values) {
                var masked = new LinkedHashMap<String, Object>();
                values.forEach((k, v) -> masked.put(String.valueOf(k), MASKED));
                copy.put(field, masked);
            }
        }
        maskLastApplied(copy);
        return copy;
    }

    /**
     * Masks both sides of a Secret for diffing: the old side shows {@value #MASKED} everywhere, the new side shows
     * {@value #MASKED} for an unchanged value, {@value #MASKED_CHANGED} for a changed one and {@value #MASKED_ADDED}
     * for a new key. A {@code stringData} value on the new side counts as unchanged when it equals the old side's
     * decoded {@code data} value, since the API server folds stringData into data.
     */
    public static MaskedPair maskForDiff(Map<String, Object> before, Map<String, Object> after) {
        var maskedAfter = after == null ? null : new LinkedHashMap<>(after);
        if (maskedAfter != null) {
            for (var field : VALUE_FIELDS) {
                if (maskedAfter.get(field) instanceof Map<?, ?> values) {
                    var marked = new LinkedHashMap<String, Object>();
                    values.forEach((k, v) -> {
                        var key = String.valueOf(k);
                        marked.put(key, marker(before, field, key, v));
                    });
                    maskedAfter.put(field, marked);
                }
            }
            maskLastApplied(maskedAfter);
        }
        return new MaskedPair(mask(before), maskedAfter);
    }

    /**
     * Every value an error message could echo for this Secret: data values as stored (base64) and decoded,
     * stringData values as written and encoded. Use with {@link #scrub}.
     */
    public static Set<String> secretValues(Map<String, Object> secret) {
        var values = new LinkedHashSet<String>();
        if (secret == null) return values;
        if (secret.get("data") instanceof Map<?, ?> data) {
            for (var v : data.values()) {
                if (v == null) continue;
                var encoded = v.toString();
                values.add(encoded);
                decode(encoded).ifPresent(values::add);
            }
        }
        if (secret.get("stringData") instanceof Map<?, ?> stringData) {
            for (var v : stringData.values()) {
                if (v == null) continue;
                values.add(v.toString());
                values.add(encode(v.toString()));
            }
        }
        return values;
    }

    /**
     * Replaces every occurrence of a known secret value in free text (a server error that echoed the object, a log
     * line) by {@value #MASKED}. The JSON-escaped form of each value is replaced too, because API errors quote
     * bodies as JSON. Values shorter than {@value #MIN_SCRUB_LENGTH} characters are left alone (see the constant).
     */
    public static String scrub(String message, Collection<String> secretValues) {
        if (message == null || secretValues == null || secretValues.isEmpty()) return message;
        var forms = new ArrayList<String>();
        for (var value : secretValues) {
            if (value == null || value.length() < MIN_SCRUB_LENGTH) continue;
            forms.add(value);
            forms.add(jsonEscaped(value));
        }
        // Longest first, so a value that contains another is replaced whole rather than leaving a fragment.
        forms.sort(Comparator.comparingInt(String::length).reversed());
        var result = message;
        for (var form : forms) {
            result = result.replace(form, MASKED);
        }
        return result;
    }

    private static String marker(Map<String, Object> before, String field, String key, Object newValue) {
        String old;
        if (hasKey(before, field, key)) {
            old = valueAt(before, field, key);
        } else if ("stringData".equals(field) && hasKey(before, "data", key)) {
            var stored = valueAt(before, "data", key);
            old = stored == null ? null : decode(stored).orElse(stored);
        } else {
            return MASKED_ADDED;
        }
        return Objects.equals(old, newValue == null ? null : newValue.toString()) ? MASKED : MASKED_CHANGED;
    }

    private static String valueAt(Map<String, Object> object, String field, String key) {
        if (object.get(field) instanceof Map<?, ?> values && values.get(key) != null) {
            return values.get(key).toString();
        }
        return null;
    }

    private static boolean hasKey(Map<String, Object> object, String field, String key) {
        return object != null && object.get(field) instanceof Map<?, ?> values && values.containsKey(key);
    }

    @SuppressWarnings("unchecked")
    private static void maskLastApplied(Map<String, Object> object) {
        if (!(object.get("metadata") instanceof Map<?, ?> metadata)) return;
        if (!(metadata.get("annotations") instanceof Map<?, ?> annotations)) return;
        if (!annotations.containsKey(LAST_APPLIED)) return;
        var maskedAnnotations = new LinkedHashMap<>((Map<String, Object>) annotations);
        maskedAnnotations.put(LAST_APPLIED, MASKED);
        var maskedMetadata = new LinkedHashMap<>((Map<String, Object>) metadata);
        maskedMetadata.put("annotations", maskedAnnotations);
        object.put("metadata", maskedMetadata);
    }

    private static Optional<String> decode(String base64) {
        try {
            return Optional.of(new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static String encode(String plain) {
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonEscaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
    }

    /**
     * {@link #scrub} with the values of whichever of the given objects are Secrets (the desired and the live
     * version of one object, say); a message about anything else passes unchanged.
     */
    @SafeVarargs
    public static String scrubFor(String message, Map<String, Object>... objects) {
        var values = new LinkedHashSet<String>();
        for (var o : objects) {
            if (o != null && isSecret(o)) {
                values.addAll(secretValues(o));
            }
        }
        return scrub(message, values);
    }
}
