package io.fleetsync.input;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Builds plain JSON values (unmodifiable maps and lists, strings, numbers, booleans) from a composed YAML node,
 * the way Kubernetes reads YAML: anchors, aliases and merge keys resolved, timestamps kept as strings, binary as
 * base64, sets as lists, keys as strings.
 */
public final class YamlValues {
    // No real input nests this deep; aliases can make a constructed value contain itself.
    private static final int MAX_DEPTH = 200;

    private YamlValues() {
    }

    /** The value with nulls kept, for input where an empty value is a mistake worth reporting. */
    public static Object of(Node node, LoaderOptions options) {
        return plain(new JsonValueConstructor(options).construct(node), true, 0);
    }

    /**
     * The value with null map entries and list items removed at every depth: the API server drops them too, and
     * a desired null would always differ from the live object.
     */
    public static Object withoutNulls(Node node, LoaderOptions options) {
        return plain(new JsonValueConstructor(options).construct(node), false, 0);
    }

    private static Object plain(Object value, boolean keepNulls, int depth) {
        if (depth > MAX_DEPTH) {
            throw new YAMLException("nesting too deep (a recursive alias?)");
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> {
                var plain = plain(v, keepNulls, depth + 1);
                if (plain != null || keepNulls) {
                    copy.put(String.valueOf(k), plain);
                }
            });
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Collection<?> collection) {
            var copy = new ArrayList<Object>();
            for (var item : collection) {
                var plain = plain(item, keepNulls, depth + 1);
                if (plain != null || keepNulls) {
                    copy.add(plain);
                }
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value;
    }

    /** SafeConstructor with timestamps left as text. */
    private static final class JsonValueConstructor extends SafeConstructor {
        JsonValueConstructor(LoaderOptions options) {
            super(options);
            // The Yaml facade copies this option over; a constructor used on its own must do it itself.
            setAllowDuplicateKeys(options.isAllowDuplicateKeys());
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }

        Object construct(Node node) {
            return constructDocument(node);
        }
    }
}
