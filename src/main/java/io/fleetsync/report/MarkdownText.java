package io.fleetsync.report;

/** Escaping for text that comes from clusters (names, errors) so it cannot break or inject into GitHub Markdown. */
final class MarkdownText {

    private MarkdownText() {
    }

    /** Text inside HTML such as {@code <summary>}. */
    static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Free text on one line: HTML neutralised, line breaks flattened, Markdown emphasis and links disarmed. */
    static String inline(String s) {
        var flat = html(s).replaceAll("\\s*\\R\\s*", " ");
        return flat.replaceAll("([\\\\`*_\\[\\]])", "\\\\$1");
    }

    /** Text in a table cell, where a pipe would end the cell. */
    static String cell(String s) {
        return inline(s).replace("|", "\\|");
    }

    /** A code span that survives backticks inside the text. */
    static String code(String s) {
        var flat = s.replaceAll("\\R", " ");
        var ticks = "`".repeat(longestRun(flat, '`') + 1);
        var pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
        return ticks + pad + flat + pad + ticks;
    }

    /** A code fence longer than any backtick run in the content, so the content cannot close it. */
    static String fenceFor(String content) {
        return "`".repeat(Math.max(3, longestRun(content, '`') + 1));
    }

    private static int longestRun(String s, char c) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
