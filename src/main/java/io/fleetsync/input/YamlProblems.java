package io.fleetsync.input;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/** Turns parser and file-system failures into {@link InputProblem}s that never quote the input. */
public final class YamlProblems {

    private YamlProblems() {
    }

    /**
     * A YAML syntax problem at its mark. SnakeYAML's own message embeds a snippet of the offending line, which
     * may hold a secret value, so only the problem description and position are kept.
     */
    public static InputProblem syntax(Path file, YAMLException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            var mark = marked.getProblemMark();
            var context = marked.getContext() == null ? "" : marked.getContext() + ": ";
            return new InputProblem(file, mark.getLine() + 1, mark.getColumn() + 1, null,
                    "invalid YAML: " + context + marked.getProblem());
        }
        if (e instanceof ReaderException reader) {
            return new InputProblem(file, 0, 0, null, "invalid YAML: special character 0x"
                    + Integer.toHexString(reader.getCodePoint()) + " is not allowed");
        }
        return new InputProblem(file, 0, 0, null, "invalid YAML: " + e.getClass().getSimpleName());
    }

    /** A file that could not be read, described without a stack trace. */
    public static String unreadable(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "is not valid UTF-8";
        }
        return "cannot be read (" + e.getClass().getSimpleName() + ")";
    }
}
