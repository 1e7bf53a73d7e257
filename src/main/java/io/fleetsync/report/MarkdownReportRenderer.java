package io.fleetsync.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A report for a pull-request comment: heading, per-cluster table, one collapsible section per group of clusters
 * with the same changes, all within {@link RenderOptions#maxBytes()} (see {@link MarkdownLayout} for what gives way),
 * ending with a line that says what was left out and how to see it all.
 */
public final class MarkdownReportRenderer implements ReportRenderer {

    /** The bytes of the blank line and {@code </details>} that close one open section. */
    private static final int CLOSE_BYTES = 1 + "</details>".length() + 1;

    private final RenderOptions options;

    public MarkdownReportRenderer(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void render(RunReport report, Writer out) throws IOException {
        var groups = ClusterGroup.of(report, options.diffs());
        var sections = groups.stream().filter(ClusterGroup::shown).map(g -> MarkdownSection.of(g, options)).toList();
        var summary = ReportSummary.of(report);
        var heading = new ArrayList<>(List.of("### fleetsync " + summary.title() + ": " + summary.objectTotals()
                + " — clusters: " + summary.clusterTotals(), ""));
        heading.addAll(MarkdownRollout.lines(report));
        var fullTable = MarkdownTable.full(report);
        var layout = layout(report, groups, sections, heading, fullTable);
        var table = layout.mergeTable() ? MarkdownTable.merged(report, groups) : fullTable;

        var document = compose(heading, table, sections, layout);
        var lines = document.lines();
        var cuts = document.cuts(layout.mergeTable() ? MarkdownTable.clustersMerged(groups) : 0);
        if (options.limited()) {
            long closing = cuts.any() ? bytes(List.of("", cuts.line(report.kind(), options.maxBytes()))) : 0;
            if (bytes(lines) + closing > options.maxBytes()) {
                cuts = cuts.truncated(truncate(lines, options.maxBytes() - MarkdownCuts.RESERVE));
            }
        }
        if (cuts.any()) {
            lines.add("");
            lines.add(cuts.line(report.kind(), options.maxBytes()));
        }
        for (var line : lines) out.write(line + "\n");
        out.flush();
    }

    /** The lines of a layout, and the counts of what it left out or shortened. */
    private record Document(List<String> lines, int diffsOmitted, int diffsShortened, int deletesSummarised,
                            int listsOmitted, long changesNotListed, long beyondCap) {
        MarkdownCuts cuts(int clustersMerged) {
            return new MarkdownCuts(diffsOmitted, diffsShortened, deletesSummarised, listsOmitted, changesNotListed,
                    beyondCap, clustersMerged, 0);
        }
    }

    private static Document compose(List<String> heading, List<String> table, List<MarkdownSection> sections,
                                     MarkdownLayout layout) {
        var lines = new ArrayList<String>(heading);
        lines.addAll(table);
        int diff = 0;
        int omitted = 0;
        int shortened = 0;
        int summarised = 0;
        int listsOmitted = 0;
        long notListed = 0;
        long beyondCap = 0;
        for (int s = 0; s < sections.size(); s++) {
            var section = sections.get(s);
            boolean listed = layout.listsKept().get(s);
            lines.addAll(section.head());
            for (var item : section.items()) {
                if (listed) lines.addAll(item.lines());
                if (item.diff() == null) continue;
                int index = diff++;
                if (listed && layout.diffsKept().get(index)) {
                    lines.addAll(item.diff().lines());
                    shortened += item.diff().shortened() ? 1 : 0;
                    summarised += item.diff().summarised() ? 1 : 0;
                } else {
                    omitted++;
                }
            }
            if (listed) {
                lines.addAll(section.more());
                beyondCap += section.beyondCap();
            } else {
                lines.addAll(section.stub().lines());
                listsOmitted++;
                notListed += section.stub().unlisted();
            }
            lines.addAll(section.close());
        }
        return new Document(lines, omitted, shortened, summarised, listsOmitted, notListed, beyondCap);
    }

    private MarkdownLayout layout(RunReport report, List<ClusterGroup> groups, List<MarkdownSection> sections,
                                  List<String> heading, List<String> fullTable) {
        long fixed = bytes(heading);
        var lists = new ArrayList<Long>();
        var stubs = new ArrayList<Long>();
        var diffs = new ArrayList<Long>();
        boolean alwaysCut = false;
        for (var section : sections) {
            fixed += bytes(section.head()) + bytes(section.close());
            long list = bytes(section.more());
            for (var item : section.items()) {
                list += bytes(item.lines());
                if (item.diff() == null) continue;
                diffs.add(bytes(item.diff().lines()));
                alwaysCut |= item.diff().shortened() || item.diff().summarised();
            }
            alwaysCut |= section.beyondCap() > 0;
            lists.add(list);
            stubs.add(bytes(section.stub().lines()));
        }
        long mergedTable = options.limited() ? bytes(MarkdownTable.merged(report, groups)) : 0;
        var sizes = new MarkdownLayout.Sizes(fixed, bytes(fullTable), mergedTable, lists, stubs, diffs);
        // The closing line is only written when something was cut; keep room for it only then.
        if (!options.limited() || sizes.all() + (alwaysCut ? MarkdownCuts.RESERVE : 0) <= options.maxBytes()) {
            return MarkdownLayout.everything(sizes);
        }
        return MarkdownLayout.fit(sizes, options.maxBytes() - MarkdownCuts.RESERVE);
    }

    // The last resort, when even every change list cut does not fit (thousands of failed clusters with long
    // errors): whole lines go from the end, and open <details> are closed so the comment still renders.
    private static long truncate(List<String> lines, long budget) {
        long size = 0;
        int open = 0;
        int keep = 0;
        int openAtKeep = 0;
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i).strip();
            size += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
            if (line.startsWith("<details>")) open++;
            if (line.equals("</details>")) open--;
            if (size + (long) open * CLOSE_BYTES > budget) break;
            keep = i + 1;
            openAtKeep = open;
        }
        long cut = lines.size() - keep;
        lines.subList(keep, lines.size()).clear();
        for (int i = 0; i < openAtKeep; i++) {
            lines.add("");
            lines.add("</details>");
        }
        return cut;
    }

    static long bytes(List<String> lines) {
        long n = 0;
        for (var line : lines) n += line.getBytes(StandardCharsets.UTF_8).length + 1;
        return n;
    }
}
