package io.fleetsync.report;

import java.time.Duration;
import java.util.Locale;

/** Short durations for people: {@code 850ms}, {@code 1.4s}, {@code 2m05s}, {@code 1h02m}; {@code -} when unknown. */
final class HumanDuration {

    private HumanDuration() {
    }

    static String format(Duration duration) {
        if (duration == null) return "-";
        long ms = duration.toMillis();
        if (ms < 1_000) return ms + "ms";
        // Below 59.95s, so rounding to one decimal never prints "60.0s".
        if (ms < 59_950) return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        long s = Math.round(ms / 1000.0);
        if (s < 3_600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3_600, (s % 3_600) / 60);
    }
}
