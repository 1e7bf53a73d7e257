package io.fleetsync.run;

import java.time.Duration;

/** Durations as people write them: {@code 5m}, {@code 90s}, {@code 1h30m}, {@code 250ms}. */
public final class DurationFormat {
    private DurationFormat() {
    }

    public static String of(Duration d) {
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
        if (s.toUpperCase().startsWith("P")) {
            return Duration.parse(s);
        }
        var m = java.util.regex.Pattern.compile("(\\d+)(ms|h|m|s)").matcher(s);
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
