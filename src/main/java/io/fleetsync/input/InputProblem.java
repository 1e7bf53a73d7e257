package io.fleetsync.input;

import java.nio.file.Path;

/** One problem in user input, located by file, line, column and field path. */
public record InputProblem(Path file, int line, int column, String field, String message) {

    /** Renders as {@code file:line:column: field: message}, leaving out what is unknown. */
    public String describe() {
        var sb = new StringBuilder(file == null ? "<input>" : file.toString());
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
