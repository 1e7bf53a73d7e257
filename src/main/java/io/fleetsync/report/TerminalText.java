package io.fleetsync.report;

/**
 * Makes text from clusters safe to print on a terminal. Server errors, object names and diffed values are not ours:
 * an embedded escape sequence could recolour, clear or retitle the user's terminal, and would put escape codes into
 * output that promised none.
 */
final class TerminalText {

    private TerminalText() {
    }

    /** One line: control characters shown as {@code \u001B}-style escapes, line breaks and tabs as spaces. */
    static String line(String s) {
        if (s == null) return null;
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
