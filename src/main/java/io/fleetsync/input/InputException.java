package io.fleetsync.input;

import java.util.List;
import java.util.stream.Collectors;

/** Invalid fleet file or manifests: detected before any cluster is contacted (exit code 64). */
public final class InputException extends Exception {
    private final List<InputProblem> problems;

    public InputException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::describe).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InputException(InputProblem problem) {
        this(List.of(problem));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
