package io.fleetsync.manifest;

import io.fleetsync.fleet.Fleet;
import io.fleetsync.fleet.Target;
import io.fleetsync.input.InputProblem;
import io.fleetsync.input.YamlFieldIndex;
import io.fleetsync.input.YamlProblems;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/** Expands each target's {@code resources} into its manifest files, in listed order, each file once. */
final class TargetFiles {
    private final Fleet fleet;
    private final ResourceFiles resourceFiles;
    private YamlFieldIndex fleetIndex;

    TargetFiles(Fleet fleet) {
        this.fleet = fleet;
        // Relative to the fleet file as the user named it, so messages show short paths like the fleet file's.
        var folder = fleet.file().getParent();
        this.resourceFiles = new ResourceFiles(folder == null ? Path.of("") : folder);
    }

    Map<Target, List<Path>> expand(List<Target> targets, List<InputProblem> problems) {
        var files = new LinkedHashMap<Target, List<Path>>();
        for (var target : targets) {
            int index = fleet.targets().indexOf(target);
            var targetFiles = new LinkedHashSet<Path>();
            for (int j = 0; j < target.resources().size(); j++) {
                var entry = target.resources().get(j);
                var field = "targets[" + index + "].resources[" + j + "]";
                try {
                    var matched = resourceFiles.expand(entry);
                    if (matched.isEmpty()) {
                        problems.add(problemAt(field, "'" + entry + "' matches no " + (ResourceFiles.isGlob(entry)
                                ? "file" : "file or directory (directories contribute *.yaml and *.yml)")));
                    }
                    targetFiles.addAll(matched);
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

    /** The Fleet keeps no positions, so the fleet file is indexed again, and only when a problem needs a line. */
    private InputProblem problemAt(String field, String message) {
        if (fleetIndex == null) {
            fleetIndex = index(fleet.file());
        }
        var at = fleetIndex.at(field);
        return new InputProblem(fleet.file(), at.line(), at.column(), field, message);
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
