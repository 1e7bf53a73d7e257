package io.fleetsync.report;

import java.util.ArrayList;
import java.util.Locale;

/**
 * What a Markdown report left out or shortened, for its closing line; every count is of things a reader would
 * otherwise assume were shown.
 *
 * @param diffsOmitted objects whose diff (or delete summary) was dropped for the budget
 * @param diffsShortened diffs cut to {@link MarkdownDiff#MAX_LINES} lines
 * @param deletesSummarised deletes shown as the live object's size instead of its whole text
 * @param listsOmitted sections whose change list was replaced by a count
 * @param changesNotListed changes in those sections
 * @param changesBeyondCap changes past the per-cluster cap ("… and N more")
 * @param clustersMerged clusters sharing a table row with others of the same changes
 * @param linesTruncated lines cut off at the end because even the smallest layout did not fit
 */
record MarkdownCuts(int diffsOmitted, int diffsShortened, int deletesSummarised, int listsOmitted,
                    long changesNotListed, long changesBeyondCap, int clustersMerged, long linesTruncated) {

    /** The most bytes the closing line takes, kept free when a budget is fitted. */
    static final int RESERVE = 700;

    boolean any() {
        return diffsOmitted + diffsShortened + deletesSummarised + listsOmitted + clustersMerged > 0
                || changesBeyondCap + linesTruncated > 0;
    }

    MarkdownCuts truncated(long lines) {
        return new MarkdownCuts(diffsOmitted, diffsShortened, deletesSummarised, listsOmitted, changesNotListed,
                changesBeyondCap, clustersMerged, lines);
    }

    /** The closing line: what was cut, and how to see everything. */
    String line(RunReport.Kind kind, long maxBytes) {
        var parts = new ArrayList<String>();
        if (diffsOmitted > 0) parts.add("diffs of " + objects(diffsOmitted) + " omitted");
        if (diffsShortened > 0) parts.add(diffsShortened + (diffsShortened == 1 ? " diff" : " diffs")
                + " shortened to " + MarkdownDiff.MAX_LINES + " lines");
        if (deletesSummarised > 0) parts.add(deletesSummarised + (deletesSummarised == 1 ? " delete" : " deletes")
                + " summarised without the live object");
        if (listsOmitted > 0) parts.add("change lists of " + listsOmitted
                + (listsOmitted == 1 ? " section" : " sections")
                + " (" + changesNotListed + " changes) omitted");
        if (changesBeyondCap > 0) parts.add(changesBeyondCap + " changes past the per-cluster list cap not listed");
        if (clustersMerged > 0) parts.add("table rows of " + clustersMerged + " ok clusters merged by their changes");
        if (linesTruncated > 0) parts.add("the last " + linesTruncated + " lines cut off");
        var everything = kind != RunReport.Kind.RESULT ? "`fleetsync "
                + (kind == RunReport.Kind.STATUS ? "status" : "plan") + " -o text --diff` (or `-o json`) shows it all"
                : "the text (`-o text --diff`) or JSON (`-o json`) report shows it all";
        var limit = maxBytes > 0 ? "; `--max-bytes 0` lifts the limit of "
                + String.format(Locale.ROOT, "%,d", maxBytes) + " bytes" : "";
        return "_Not shown here: " + String.join("; ", parts) + ". " + everything + limit + "._";
    }

    private static String objects(int n) {
        return n + (n == 1 ? " object" : " objects");
    }
}
