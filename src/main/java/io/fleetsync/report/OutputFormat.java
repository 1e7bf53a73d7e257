package io.fleetsync.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats a report can be written in ({@code --output}). */
public enum OutputFormat {
    TEXT,
    JSON,
    MARKDOWN;

    /** The lower-case name users type. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a user-typed name, ignoring case; the message lists the valid names. */
    public static OutputFormat parse(String value) {
        for (var format : values()) {
            if (format.label().equalsIgnoreCase(value == null ? "" : value.strip())) return format;
        }
        throw new IllegalArgumentException("unknown output format '" + value + "', expected one of: "
                + Arrays.stream(values()).map(OutputFormat::label).collect(Collectors.joining(", ")));
    }
}
