package io.fleetsync.report;

import io.fleetsync.units.HumanDuration;
import io.fleetsync.diff.Action;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Prints one line per finished cluster to stderr, numbered in finishing order: {@code [3/10] prod-eu ok 2 create,
 * 1 update in 1.4s} or {@code [4/10] prod-us FAILED during list: <error>}. In quiet mode only clusters that did not
 * end ok are printed (numbering still counts every cluster).
 */
public final class StderrProgress implements ProgressListener {

    private static final List<Action> ACTIONS = List.of(Action.CREATE, Action.UPDATE, Action.REPLACE, Action.DELETE,
            Action.ADOPT_NEEDED);

    private final PrintStream err;
    private final int total;
    private final boolean quiet;
    // A lock rather than synchronized: callers are virtual threads, which synchronized may pin on older JDKs.
    private final ReentrantLock lock = new ReentrantLock();
    private int finished;

    public StderrProgress(PrintStream err, int total, boolean quiet) {
        this.err = err;
        this.total = total;
        this.quiet = quiet;
    }

    @Override
    public void clusterFinished(ClusterReport report) {
        var text = describe(report);
        lock.lock();
        try {
            // Counting and printing under one lock keeps the [n/N] numbers in the order the lines appear.
            finished++;
            if (!quiet || report.status() != ClusterReport.Status.OK) {
                err.println("[" + finished + "/" + total + "] " + TerminalText.line(report.cluster()) + " " + text);
                err.flush();
            }
        } finally {
            lock.unlock();
        }
    }

    /** One line about a finished cluster, without its name: {@code ok 2 create in 1.4s}. */
    public static String describe(ClusterReport report) {
        var tally = ClusterTally.of(report);
        var took = " in " + HumanDuration.format(report.duration());
        return switch (report.status()) {
            case OK -> "ok " + changes(tally) + took;
            case FAILED -> "FAILED" + during(report) + ": "
                    + TerminalText.line(Objects.toString(report.error(), "no error message"));
            case HELD_BACK -> "held back by the rollout: an earlier wave halted";
            case PARTIAL -> "PARTIAL " + changes(tally) + ", " + tally.errors()
                    + (tally.errors() == 1 ? " error" : " errors") + took
                    + (report.error() == null ? "" : ": " + TerminalText.line(report.error()));
        };
    }

    private static String changes(ClusterTally tally) {
        var parts = new ArrayList<String>();
        for (var action : ACTIONS) {
            if (tally.count(action) > 0) parts.add(tally.count(action) + " " + action.label());
        }
        return parts.isEmpty() ? "no changes" : String.join(", ", parts);
    }

    private static String during(ClusterReport report) {
        return report.phase() == null ? "" : " during " + report.phase().label();
    }
}
