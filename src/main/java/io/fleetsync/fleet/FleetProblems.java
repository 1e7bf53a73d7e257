package io.fleetsync.fleet;

import io.fleetsync.input.InputException;
import io.fleetsync.input.InputProblem;
import io.fleetsync.input.YamlFieldIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one fleet file, placing each at the line of the field it names. */
final class FleetProblems {
    private final Path file;
    private final YamlFieldIndex index;
    private final List<InputProblem> problems = new ArrayList<>();

    FleetProblems(Path file, YamlFieldIndex index) {
        this.file = file;
        this.index = index;
    }

    void add(String field, String message) {
        var at = index.at(field);
        problems.add(new InputProblem(file, at.line(), at.column(), field, message));
    }

    /**
     * Adds a follow-up problem only when nothing was reported yet at the field or inside it: a value of the wrong
     * type is mapped as absent, and "missing" on top of "wrong type" would only add noise.
     */
    void addUnlessReported(String field, String message) {
        if (!reportedAt(field)) {
            add(field, message);
        }
    }

    boolean reportedAt(String field) {
        return problems.stream().map(InputProblem::field).anyMatch(f -> f != null && (f.equals(field)
                || f.startsWith(field + ".") || f.startsWith(field + "[")));
    }

    void add(InputProblem problem) {
        problems.add(problem);
    }

    int size() {
        return problems.size();
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() throws InputException {
        if (!problems.isEmpty()) {
            // Reported in file order, whichever check found them.
            throw new InputException(problems.stream()
                    .sorted(java.util.Comparator.comparingInt(InputProblem::line)).toList());
        }
    }
}
