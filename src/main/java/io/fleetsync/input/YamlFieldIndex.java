package io.fleetsync.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where each field of a composed YAML tree sits, by field path such as {@code targets[0].resources[1]}.
 *
 * <p>Jackson maps the fleet file into values but forgets positions; semantic checks run afterwards and still
 * need a line for every field they complain about, so the composed node tree is indexed once.
 */
public final class YamlFieldIndex {

    /** A 1-based line and column. */
    public record Position(int line, int column) {
    }

    /** A key that appears twice in one mapping; YAML parsers silently keep the last one. */
    public record DuplicateKey(String path, Position position) {
    }

    private final Map<String, Position> positions;
    private final List<DuplicateKey> duplicates;

    private YamlFieldIndex(Map<String, Position> positions, List<DuplicateKey> duplicates) {
        this.positions = Map.copyOf(positions);
        this.duplicates = List.copyOf(duplicates);
    }

    /** Indexes a composed document; mapping keys point at the key, sequence items at the item. */
    public static YamlFieldIndex of(Node root) {
        var positions = new HashMap<String, Position>();
        var duplicates = new ArrayList<DuplicateKey>();
        positions.put("", position(root));
        walk(root, "", positions, duplicates, 0);
        return new YamlFieldIndex(positions, duplicates);
    }

    /** An index that knows no positions, for input that could not be composed. */
    public static YamlFieldIndex empty() {
        return new YamlFieldIndex(Map.of(), List.of());
    }

    public List<DuplicateKey> duplicates() {
        return duplicates;
    }

    /** The position of the field, or of its nearest indexed parent when the field itself is absent. */
    public Position at(String path) {
        var current = path;
        while (true) {
            var found = positions.get(current);
            if (found != null) {
                return found;
            }
            if (current.isEmpty()) {
                return new Position(0, 0);
            }
            current = parent(current);
        }
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    // Depth is capped because aliases can make a composed tree cyclic.
    private static void walk(Node node, String path, Map<String, Position> positions, List<DuplicateKey> duplicates,
            int depth) {
        if (depth > 64) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            var seen = new HashSet<String>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    continue;
                }
                var childPath = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                if (!seen.add(key.getValue())) {
                    duplicates.add(new DuplicateKey(childPath, position(key)));
                    continue;
                }
                positions.put(childPath, position(key));
                walk(tuple.getValueNode(), childPath, positions, duplicates, depth + 1);
            }
        } else if (node instanceof SequenceNode sequence) {
            var items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                var childPath = path + "[" + i + "]";
                positions.put(childPath, position(items.get(i)));
                walk(items.get(i), childPath, positions, duplicates, depth + 1);
            }
        }
    }

    private static Position position(Node node) {
        var mark = node.getStartMark();
        return mark == null ? new Position(0, 0) : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
