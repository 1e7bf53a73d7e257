package io.fleetsync.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which parts of a Markdown report to keep within a byte budget, decided from the parts' sizes alone.
 *
 * <p>What gives way first: diffs, largest first; when the change lists alone do not fit beside the table, the table
 * merges the rows of ok clusters that have the same changes (every name and status stays) and diffs fill what room
 * is left; when they still do not fit, change lists go, largest first, each replaced by a one-line count, and with
 * them every diff. The heading, every cluster's status, errors and warnings (hold-backs among them) are never
 * dropped.
 *
 * @param mergeTable whether the table merges rows
 * @param listsKept the sections whose change lists are kept, by index
 * @param diffsKept the diffs that are kept, by index in document order
 */
record MarkdownLayout(boolean mergeTable, BitSet listsKept, BitSet diffsKept) {

    /** The sizes (UTF-8 bytes) the decision needs. */
    record Sizes(long fixed, long fullTable, long mergedTable, List<Long> lists, List<Long> stubs, List<Long> diffs) {
        Sizes {
            lists = List.copyOf(lists);
            stubs = List.copyOf(stubs);
            diffs = List.copyOf(diffs);
        }

        long all() {
            return fixed + fullTable + sum(lists) + sum(diffs);
        }
    }

    static MarkdownLayout everything(Sizes sizes) {
        return new MarkdownLayout(false, all(sizes.lists().size()), all(sizes.diffs().size()));
    }

    /**
     * The richest layout whose size is at most {@code budget}; when even the layout with every list cut is larger,
     * that layout (the caller then truncates).
     */
    static MarkdownLayout fit(Sizes sizes, long budget) {
        long lists = sum(sizes.lists());
        long room = budget - sizes.fixed() - sizes.fullTable() - lists;
        if (room >= 0) return new MarkdownLayout(false, all(sizes.lists().size()), largestDropped(sizes.diffs(), room));

        room = budget - sizes.fixed() - sizes.mergedTable() - lists;
        if (room >= 0) return new MarkdownLayout(true, all(sizes.lists().size()), largestDropped(sizes.diffs(), room));
        var kept = all(sizes.lists().size());
        for (int i : bySizeDescending(sizes.lists())) {
            if (room >= 0) break;
            if (sizes.lists().get(i) <= sizes.stubs().get(i)) continue;
            kept.clear(i);
            room += sizes.lists().get(i) - sizes.stubs().get(i);
        }
        return new MarkdownLayout(true, kept, new BitSet());
    }

    // Drops the largest diffs until the rest fit: one 100 kB diff goes before fifty small ones.
    private static BitSet largestDropped(List<Long> diffs, long room) {
        var kept = all(diffs.size());
        long total = sum(diffs);
        for (int i : bySizeDescending(diffs)) {
            if (total <= room) break;
            kept.clear(i);
            total -= diffs.get(i);
        }
        return kept;
    }

    private static List<Integer> bySizeDescending(List<Long> sizes) {
        var order = new ArrayList<>(IntStream.range(0, sizes.size()).boxed().toList());
        // Ties keep document order, so the same report always loses the same parts.
        order.sort(Comparator.comparing((Integer i) -> sizes.get(i)).reversed().thenComparing(i -> i));
        return order;
    }

    private static BitSet all(int n) {
        var set = new BitSet(n);
        set.set(0, n);
        return set;
    }

    private static long sum(List<Long> sizes) {
        return sizes.stream().mapToLong(Long::longValue).sum();
    }
}
