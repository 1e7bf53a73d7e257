package io.fleetsync.report;

import java.util.ArrayList;
import java.util.List;

/** The rollout's waves as a Markdown table under the heading: a reviewer sees the order before the changes. */
final class MarkdownRollout {
    private MarkdownRollout() {
    }

    static List<String> lines(RunReport report) {
        if (report.rollout() == null) {
            return List.of();
        }
        var lines = new ArrayList<String>();
        lines.add("| # | wave | clusters | gate |");
        lines.add("|---:|---|---|---|");
        int i = 1;
        for (var wave : report.rollout().waves()) {
            lines.add("| " + i++ + " | " + MarkdownText.cell(RolloutText.wave(wave)) + " | "
                    + MarkdownText.cell(String.join(", ", wave.wave().clusters())) + " | "
                    + MarkdownText.cell(RolloutText.state(wave)) + " |");
        }
        lines.add("");
        return lines;
    }
}
