package io.fleetsync.report;

import io.fleetsync.diff.Action;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How one change's diff appears in Markdown: short diffs inline, long ones collapsed in {@code <details>} and cut to
 * a line cap, and a delete never as the whole live object but as its size.
 *
 * @param lines the Markdown lines, indented to sit under the change's list item
 * @param shortened whether lines of the diff were left out for the line cap
 * @param summarised whether this is a delete's one-line summary instead of a diff
 */
record MarkdownDiff(List<String> lines, boolean shortened, boolean summarised) {

    /** Diffs up to this many lines stay open; longer ones go in {@code <details>}. */
    static final int INLINE_LINES = 25;

    /** The most diff lines shown for one object when the report has a budget. */
    static final int MAX_LINES = 150;

    MarkdownDiff {
        lines = List.copyOf(lines);
    }

    /** The Markdown for {@code diff}, or null when the item has none. */
    static MarkdownDiff of(MarkdownItem item, boolean capped) {
        if (item.diff() == null) return null;
        var diffLines = item.diff().lines().toList();
        if (item.action() == Action.DELETE) return deleteSummary(diffLines);
        var fence = MarkdownText.fenceFor(item.diff());
        var out = new ArrayList<String>();
        out.add("");
        boolean collapse = diffLines.size() > INLINE_LINES;
        if (collapse) {
            out.add("  <details><summary>diff, " + count(diffLines.size()) + " lines</summary>");
            out.add("");
        }
        int shown = capped ? Math.min(diffLines.size(), MAX_LINES) : diffLines.size();
        out.add("  " + fence + "diff");
        diffLines.subList(0, shown).forEach(l -> out.add("  " + l));
        out.add("  " + fence);
        if (shown < diffLines.size()) out.add("  … " + count(diffLines.size() - shown) + " more lines not shown");
        if (collapse) {
            out.add("");
            out.add("  </details>");
        }
        return new MarkdownDiff(out, shown < diffLines.size(), false);
    }

    // A pruned object's diff is the whole live object, every line removed (3.3 MB for 32 CRDs); its size says enough.
    private static MarkdownDiff deleteSummary(List<String> diffLines) {
        long removed = 0;
        long bytes = 0;
        for (var line : diffLines) {
            if (line.startsWith("-") && !line.startsWith("---")) {
                removed++;
                bytes += line.substring(1).getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        return new MarkdownDiff(List.of("  - removes the live object: " + count(removed)
                + (removed == 1 ? " line, " : " lines, ")
                + size(bytes) + " of YAML (not shown)"), false, true);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String size(long bytes) {
        if (bytes < 1_000) return bytes + " B";
        if (bytes < 1_000_000) return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
