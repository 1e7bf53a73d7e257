package io.fleetsync.manifest;

import io.fleetsync.input.InputProblem;
import io.fleetsync.input.YamlProblems;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses multi-document manifest text into plain JSON values, one {@link ManifestDocument} per object: empty
 * documents are skipped and a {@code kind: List} expands to its items, each located at its own line.
 */
final class ManifestParser {

    /** Documents of one text; on a syntax error the problems say where and no document is returned. */
    List<ManifestDocument> parse(Path file, String text, List<InputProblem> problems) {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        var constructor = new JsonValueConstructor(options);
        var documents = new ArrayList<ManifestDocument>();
        try {
            for (Node node : new Yaml(options).composeAll(new StringReader(text))) {
                if (node == null) {
                    continue;
                }
                var value = constructor.valueOf(node);
                if (value == null) {
                    continue;
                }
                var location = new SourceLocation(file, line(node));
                if (!(value instanceof Map<?, ?> map)) {
                    problems.add(new InputProblem(file, location.line(), 0, null,
                            "a manifest document must be a mapping (an object), not a " + typeName(value)));
                    continue;
                }
                @SuppressWarnings("unchecked")
                var body = (Map<String, Object>) map;
                if ("List".equals(body.get("kind")) && body.get("items") instanceof List<?> items) {
                    addItems(file, node, items, documents, problems);
                } else {
                    documents.add(new ManifestDocument(body, location));
                }
            }
        } catch (YAMLException e) {
            problems.add(YamlProblems.syntax(file, e));
            return List.of();
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static void addItems(Path file, Node listNode, List<?> items, List<ManifestDocument> documents,
            List<InputProblem> problems) {
        var itemNodes = itemNodes(listNode);
        for (int i = 0; i < items.size(); i++) {
            int line = itemNodes.size() == items.size() ? line(itemNodes.get(i)) : line(listNode);
            if (items.get(i) instanceof Map<?, ?> item) {
                documents.add(new ManifestDocument((Map<String, Object>) item, new SourceLocation(file, line)));
            } else {
                problems.add(new InputProblem(file, line, 0, "items[" + i + "]", "a List item must be a mapping"));
            }
        }
    }

    private static List<Node> itemNodes(Node listNode) {
        if (listNode instanceof MappingNode mapping) {
            for (var tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("items")
                        && tuple.getValueNode() instanceof SequenceNode sequence) {
                    return sequence.getValue();
                }
            }
        }
        return List.of();
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String typeName(Object value) {
        return value instanceof List<?> ? "list" : "scalar";
    }

    /**
     * Builds values the way Kubernetes reads YAML, minus SnakeYAML's Java-specific types: timestamps stay
     * strings, binary becomes base64, sets become lists, keys become strings. Nulls are dropped everywhere,
     * because the API server drops them too and a desired null would always differ from the live object.
     */
    private static final class JsonValueConstructor extends SafeConstructor {
        JsonValueConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }

        Object valueOf(Node node) {
            return plain(constructDocument(node), 0);
        }

        // Aliases can make a constructed value refer to itself; no real manifest nests this deep.
        private static Object plain(Object value, int depth) {
            if (depth > 200) {
                throw new YAMLException("nesting too deep (a recursive alias?)");
            }
            if (value instanceof Map<?, ?> map) {
                var copy = new LinkedHashMap<String, Object>();
                map.forEach((k, v) -> {
                    var plain = plain(v, depth + 1);
                    if (plain != null) {
                        copy.put(String.valueOf(k), plain);
                    }
                });
                return Collections.unmodifiableMap(copy);
            }
            if (value instanceof Collection<?> collection) {
                return collection.stream().map(v -> plain(v, depth + 1))
                        .filter(java.util.Objects::nonNull).toList();
            }
            if (value instanceof byte[] bytes) {
                return Base64.getEncoder().encodeToString(bytes);
            }
            return value;
        }
    }
}
