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

    private final SharedValues shared;

    /**
     * @param shared the load's shared values: each document is made canonical as it is parsed, so a load holds
     *     one copy of what its clusters' documents have in common, never every cluster's parsed tree at once
     */
    ManifestParser(SharedValues shared) {
        this.shared = shared;
    }

    /** Says where a document of the parsed text starts, and where a syntax error is reported. */
    interface Locator {
        /** @param document 1-based position among the text's documents; @param line 1-based line in the text */
        SourceLocation at(int document, int line);

        InputProblem syntax(YAMLException e);
    }

    /** Documents of one text; on a syntax error the problems say where and no document is returned. */
    List<ManifestDocument> parse(Path file, String text, List<InputProblem> problems) {
        return parse(text, new Locator() {
            @Override
            public SourceLocation at(int document, int line) {
                return new SourceLocation(file, line);
            }

            @Override
            public InputProblem syntax(YAMLException e) {
                return YamlProblems.syntax(file, e);
            }
        }, problems);
    }

    /** Documents of one text located by the given locator (rendered output has no file of its own). */
    List<ManifestDocument> parse(String text, Locator locator, List<InputProblem> problems) {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        // Some CRD bundles are several megabytes; SnakeYAML's default cap is 3 MB.
        options.setCodePointLimit(MAX_FILE_CODE_POINTS);
        var documents = new ArrayList<ManifestDocument>();
        int number = 0;
        try {
            for (Node node : new Yaml(options).composeAll(new StringReader(text))) {
                if (node == null) {
                    continue;
                }
                var value = YamlValues.withoutNulls(node, options);
                if (value == null) {
                    continue;
                }
                var location = locator.at(++number, line(node));
                if (!(value instanceof Map<?, ?> map)) {
                    problems.add(problemAt(location, null,
                            "a manifest document must be a mapping (an object), not a " + typeName(value)));
                    continue;
                }
                var body = object(map);
                if ("List".equals(body.get("kind")) && body.get("items") instanceof List<?> items) {
                    addItems(locator, number, node, items, documents, problems);
                } else {
                    documents.add(new ManifestDocument(shared.shareObject(body), location));
                }
            }
        } catch (YAMLException e) {
            problems.add(locator.syntax(e));
            return List.of();
        }
        return documents;
    }

    /**
     * A YAML mapping as a Kubernetes object: the one unchecked view in the parser. Kubernetes objects have string
     * keys; a document with other keys fails later, at the field the API server or the validator names.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<?, ?> mapping) {
        return (Map<String, Object>) mapping;
    }

    private void addItems(Locator locator, int number, Node listNode, List<?> items,
            List<ManifestDocument> documents, List<InputProblem> problems) {
        var itemNodes = itemNodes(listNode);
        for (int i = 0; i < items.size(); i++) {
            int line = itemNodes.size() == items.size() ? line(itemNodes.get(i)) : line(listNode);
            var location = locator.at(number, line);
            if (items.get(i) instanceof Map<?, ?> item) {
                documents.add(new ManifestDocument(shared.shareObject(object(item)), location));
            } else {
                problems.add(problemAt(location, "items[" + i + "]", "a List item must be a mapping"));
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

    /** A problem in a document; for rendered output the message names the renderer and the document. */
    static InputProblem problemAt(SourceLocation location, String field, String message) {
        return new InputProblem(location.file(), location.line(), 0, field,
                location.rendered() == null ? message : location.rendered() + ": " + message);
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String typeName(Object value) {
        return value instanceof List<?> ? "list" : "scalar";
    }
}
