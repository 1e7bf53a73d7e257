package io.fleetsync.manifest;

import io.fleetsync.input.InputProblem;
import io.fleetsync.input.YamlProblems;
import io.fleetsync.input.YamlValues;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parses multi-document manifest text into plain JSON values, one {@link ManifestDocument} per object: empty
 * documents are skipped and a {@code kind: List} expands to its items, each located at its own line.
 */
final class ManifestParser {
    private static final int MAX_FILE_CODE_POINTS = 64 * 1024 * 1024;

    /** Documents of one text; on a syntax error the problems say where and no document is returned. */
    List<ManifestDocument> parse(Path file, String text, List<InputProblem> problems) {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        // Some CRD bundles are several megabytes; SnakeYAML's default cap is 3 MB.
        options.setCodePointLimit(MAX_FILE_CODE_POINTS);
        var documents = new ArrayList<ManifestDocument>();
        try {
            for (Node node : new Yaml(options).composeAll(new StringReader(text))) {
                if (node == null) {
                    continue;
                }
                var value = YamlValues.withoutNulls(node, options);
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
}
