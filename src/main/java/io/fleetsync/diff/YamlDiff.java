package io.fleetsync.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.fleetsync.resource.ResourceKey;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Renders a unified diff of two versions of one object as YAML, with Secret values masked.
 *
 * <p>Either side may be null (a create has no live side, a delete no desired side). Both sides are rendered in one
 * canonical key order ({@link KeyOrder}), so the same inputs always give the same text and a key never shows as
 * changed only because the server and the manifest list it in another place. The result is empty when both sides
 * render alike.
 */
public final class YamlDiff {

    /** Lines of unchanged context around each change, as in {@code diff -u}. */
    public static final int DEFAULT_CONTEXT = 3;

    private final int context;
    private final YAMLMapper yaml;

    public YamlDiff() {
        this(DEFAULT_CONTEXT);
    }

    public YamlDiff(int context) {
        if (context < 0) throw new IllegalArgumentException("context must be >= 0, was " + context);
        this.context = context;
        // Kubernetes-style YAML: no "---" marker, no needless quotes, list items indented under their key.
        this.yaml = YAMLMapper.builder(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                        .build())
                .build();
    }

    /**
     * The diff from {@code live} to {@code desired}, headed {@code --- <subject> (live)} and
     * {@code +++ <subject> (desired)}; an absent side is named {@code (absent)}.
     */
    public String diff(ResourceKey key, Map<String, Object> live, Map<String, Object> desired) {
        var before = live;
        var after = desired;
        if (SecretMasking.isSecret(key) || SecretMasking.isSecret(live) || SecretMasking.isSecret(desired)) {
            var masked = SecretMasking.maskForDiff(live, desired);
            before = masked.before();
            after = masked.after();
        }
        var oldLines = lines(KeyOrder.canonical(before));
        var newLines = lines(KeyOrder.canonical(after));
        var patch = DiffUtils.diff(oldLines, newLines);
        if (patch.getDeltas().isEmpty()) return "";
        var subject = key.subject();
        var unified = UnifiedDiffUtils.generateUnifiedDiff(
                header(subject, live == null ? "absent" : "live"),
                header(subject, desired == null ? "absent" : "desired"),
                oldLines, patch, context);
        return String.join("\n", unified) + "\n";
    }

    private static String header(String subject, String side) {
        return subject + " (" + side + ")";
    }

    private List<String> lines(Map<String, Object> object) {
        if (object == null) return List.of();
        try {
            return yaml.writeValueAsString(object).lines().toList();
        } catch (JsonProcessingException e) {
            // Plain maps, lists and scalars always serialise; anything else is a caller bug, not an I/O problem.
            throw new UncheckedIOException("cannot render object as YAML", e);
        }
    }
}
