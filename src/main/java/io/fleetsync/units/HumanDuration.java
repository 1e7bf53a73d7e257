package io.fleetsync.units;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one owner of durations as people read and write them. Two renderings on purpose: {@link #format} rounds a
 * measured time ({@code 1.4s}, {@code 2m05s}), {@link #exact} repeats a setting in the notation its flag takes
 * ({@code 5m}, {@code 1h30m}), so a message about {@code --cluster-timeout 5m} says {@code 5m}, not {@code 5m00s}.
 */
public final class HumanDuration {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

    private HumanDuration() {
    }

    /** A measured time, short: {@code 850ms}, {@code 1.4s}, {@code 2m05s}, {@code 1h02m}; {@code -} when unknown. */
    public static String format(Duration duration) {
        if (duration == null) return "-";
        long ms = duration.toMillis();
        if (ms < 1_000) return ms + "ms";
        // Below 59.95s, so rounding to one decimal never prints "60.0s".
        if (ms < 59_950) return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        long s = Math.round(ms / 1000.0);
        if (s < 3_600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3_600, (s % 3_600) / 60);
    }

    /** A setting as a user writes it, to the second: {@code 250ms}, {@code 90s} → {@code 1m30s}, {@code 1h30m}. */
    public static String exact(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        var sb = new StringBuilder();
        if (d.toHours() > 0) {
            sb.append(d.toHours()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            sb.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0 || sb.isEmpty()) {
            sb.append(d.toSecondsPart()).append('s');
        }
        return sb.toString();
    }

    /** Parses {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, combinations like {@code 1m30s}, or ISO-8601. */
    public static Duration parse(String text) {
        var s = text.trim();
        if (s.toUpperCase(Locale.ROOT).startsWith("P")) {
            return Duration.parse(s);
        }
        var m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                throw new IllegalArgumentException("not a duration: " + text);
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = m.end();
        }
        if (end != s.length() || end == 0) {
            throw new IllegalArgumentException("not a duration: " + text + " (use e.g. 30s, 5m, 1h30m)");
        }
        return total;
    }
}
