package io.fleetsync.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A column-aligned plain-text table; widths come from the unstyled text so colours never break alignment. */
final class TextTable {

    /** One cell: its text, whether it is right-aligned (numbers), and the style applied after padding. */
    record Cell(String text, boolean right, UnaryOperator<String> style) {
        static Cell left(String text) {
            return new Cell(text, false, UnaryOperator.identity());
        }

        static Cell right(String text) {
            return new Cell(text, true, UnaryOperator.identity());
        }

        Cell styled(UnaryOperator<String> style) {
            return new Cell(text, right, style);
        }
    }

    private final List<List<Cell>> rows = new ArrayList<>();

    TextTable row(List<Cell> cells) {
        rows.add(List.copyOf(cells));
        return this;
    }

    /** The rows as lines, columns separated by two spaces, without trailing blanks. */
    List<String> lines() {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        var widths = new int[columns];
        for (var row : rows) {
            for (int i = 0; i < row.size(); i++) widths[i] = Math.max(widths[i], row.get(i).text().length());
        }
        var lines = new ArrayList<String>();
        for (var row : rows) {
            var line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                var cell = row.get(i);
                var pad = " ".repeat(widths[i] - cell.text().length());
                if (i > 0) line.append("  ");
                var padded = cell.right() ? pad + cell.style().apply(cell.text())
                        : cell.style().apply(cell.text()) + (i == row.size() - 1 ? "" : pad);
                line.append(padded);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
