package io.fleetsync.manifest;

import io.fleetsync.fleet.Fleet;
import io.fleetsync.fleet.Source;
import io.fleetsync.fleet.Target;
import io.fleetsync.input.InputProblem;
import io.fleetsync.input.YamlFieldIndex;
import io.fleetsync.input.YamlProblems;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Expands each target's {@code resources} into its inputs, in listed order: manifest files (each file once) and
 * renderer sources, which are rendered per cluster later.
 *
 * <p>The Fleet keeps no positions, so the fleet file is indexed again, only when a renderer or a problem needs a
 * line.
 */
final class TargetFiles {

    /** One input of a target. */
    sealed interface Input {
    }

    record FileInput(Path file) implements Input {
    }

    /** @param field the entry's field path; @param line its line in the fleet file */
    record RenderInput(Source source, String field, int line) implements Input {
    }

    private final Fleet fleet;
    private final ResourceFiles resourceFiles;
    private YamlFieldIndex fleetIndex;

    TargetFiles(Fleet fleet) {
        this.fleet = fleet;
        // Relative to the fleet file as the user named it, so messages show short paths like the fleet file's.
        var folder = fleet.file().getParent();
        this.resourceFiles = new ResourceFiles(folder == null ? Path.of("") : folder);
    }

    Map<Target, List<Input>> expand(List<Target> targets, List<InputProblem> problems) {
        var files = new LinkedHashMap<Target, List<Input>>();
        // Positions by identity: indexOf compared each target with every one before it (deep record equality), and
        // at 1000 targets the native executable spent 20 GB of allocation and 30 s there (docs/benchmarks.md).
        var positions = new IdentityHashMap<Target, Integer>();
        for (int i = 0; i < fleet.targets().size(); i++) {
            positions.put(fleet.targets().get(i), i);
        }
        for (var target : targets) {
            var position = positions.get(target);
            int index = position != null ? position : fleet.targets().indexOf(target);
            var targetFiles = new LinkedHashSet<Input>();
            for (int j = 0; j < target.resources().size(); j++) {
                var field = "targets[" + index + "].resources[" + j + "]";
                if (!(target.resources().get(j) instanceof Source.Files(var entry))) {
                    targetFiles.add(new RenderInput(target.resources().get(j), field, at(field).line()));
                    continue;
                }
                try {
                    var matched = resourceFiles.expand(entry);
                    if (matched.isEmpty()) {
                        problems.add(problemAt(field, "'" + entry + "' matches no " + (ResourceFiles.isGlob(entry)
                                ? "file" : "file or directory (directories contribute *.yaml and *.yml)")));
                    }
                    matched.forEach(file -> targetFiles.add(new FileInput(file)));
                } catch (IllegalArgumentException e) {
                    problems.add(problemAt(field, "'" + entry + "' is not a valid glob: " + e.getMessage()));
                } catch (IOException e) {
                    problems.add(problemAt(field, "'" + entry + "' " + YamlProblems.unreadable(e)));
                }
            }
            files.put(target, new ArrayList<>(targetFiles));
        }
        return files;
    }

    private InputProblem problemAt(String field, String message) {
        var at = at(field);
        return new InputProblem(fleet.file(), at.line(), at.column(), field, message);
    }

    private YamlFieldIndex.Position at(String field) {
        if (fleetIndex == null) {
            fleetIndex = index(fleet.file());
        }
        return fleetIndex.at(field);
    }

    private static YamlFieldIndex index(Path file) {
        try {
            var root = new Yaml().compose(new StringReader(Files.readString(file)));
            return root == null ? YamlFieldIndex.empty() : YamlFieldIndex.of(root);
        } catch (IOException | YAMLException e) {
            // Positions are a courtesy here; the problem itself is reported either way.
            return YamlFieldIndex.empty();
        }
    }
}
