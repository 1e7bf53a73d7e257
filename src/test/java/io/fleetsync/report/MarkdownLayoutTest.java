package io.fleetsync.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What gives way in a Markdown report, decided from sizes alone. */
class MarkdownLayoutTest {

    // fixed 100, table 50 (merged 20), two lists of 30 and 60 (stubs 5), diffs of 100, 10 and 50 bytes.
    static final MarkdownLayout.Sizes SIZES = new MarkdownLayout.Sizes(100, 50, 20, List.of(30L, 60L), List.of(5L, 5L),
            List.of(100L, 10L, 50L));

    @Test
    void everythingFitsWhenTheBudgetAllows() {
        var layout = MarkdownLayout.fit(SIZES, SIZES.all());

        assertThat(layout.mergeTable()).isFalse();
        assertThat(layout.diffsKept()).isEqualTo(bits(0, 1, 2));
        assertThat(layout.listsKept()).isEqualTo(bits(0, 1));
    }

    @Test
    void theLargestDiffGoesFirst() {
        var layout = MarkdownLayout.fit(SIZES, SIZES.all() - 1);

        assertThat(layout.diffsKept()).isEqualTo(bits(1, 2));
        assertThat(layout.mergeTable()).isFalse();
    }

    @Test
    void diffsGoBeforeAnyListAndTheFullTableStaysWhileListsFit() {
        var layout = MarkdownLayout.fit(SIZES, 100 + 50 + 90);

        assertThat(layout.diffsKept()).isEqualTo(bits());
        assertThat(layout.listsKept()).isEqualTo(bits(0, 1));
        assertThat(layout.mergeTable()).isFalse();
    }

    @Test
    void theTableMergesBeforeAListGoesAndDiffsFillTheRoomLeft() {
        var layout = MarkdownLayout.fit(SIZES, 100 + 20 + 90 + 10);

        assertThat(layout.mergeTable()).isTrue();
        assertThat(layout.listsKept()).isEqualTo(bits(0, 1));
        assertThat(layout.diffsKept()).isEqualTo(bits(1));
    }

    @Test
    void listsGoLargestFirstAndTakeEveryDiffWithThem() {
        var layout = MarkdownLayout.fit(SIZES, 100 + 20 + 30 + 5);

        assertThat(layout.mergeTable()).isTrue();
        assertThat(layout.listsKept()).isEqualTo(bits(0));
        assertThat(layout.diffsKept()).isEqualTo(bits());
    }

    private static BitSet bits(int... indexes) {
        var set = new BitSet();
        for (int i : indexes) set.set(i);
        return set;
    }
}
