package io.fleetsync.report;

import io.fleetsync.diff.Action;

/** ANSI styling that collapses to plain text when colours are off, so no escape code leaks into pipes or files. */
final class Palette {

    private static final String RESET = "\u001B[0m";

    private final boolean enabled;

    Palette(boolean enabled) {
        this.enabled = enabled;
    }

    String bold(String s) {
        return style("1", s);
    }

    String dim(String s) {
        return style("2", s);
    }

    String red(String s) {
        return style("31", s);
    }

    String green(String s) {
        return style("32", s);
    }

    String yellow(String s) {
        return style("33", s);
    }

    String magenta(String s) {
        return style("35", s);
    }

    String cyan(String s) {
        return style("36", s);
    }

    String action(Action action, String s) {
        return switch (action) {
            case CREATE -> green(s);
            case UPDATE -> yellow(s);
            case DELETE -> red(s);
            case REPLACE -> magenta(s);
            case ADOPT_NEEDED -> cyan(s);
            case UNCHANGED -> dim(s);
        };
    }

    String status(ClusterReport.Status status, String s) {
        return switch (status) {
            case OK -> green(s);
            case PARTIAL -> yellow(s);
            case FAILED -> red(s);
            case HELD_BACK -> yellow(s);
        };
    }

    /** A diff line coloured by its leading marker, as git does. */
    String diffLine(String line) {
        if (line.startsWith("+++") || line.startsWith("---")) return bold(line);
        if (line.startsWith("@@")) return cyan(line);
        if (line.startsWith("+")) return green(line);
        if (line.startsWith("-")) return red(line);
        return line;
    }

    private String style(String code, String s) {
        return enabled && !s.isEmpty() ? "\u001B[" + code + "m" + s + RESET : s;
    }
}
