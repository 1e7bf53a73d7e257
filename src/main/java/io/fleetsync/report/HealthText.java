package io.fleetsync.report;

import io.fleetsync.units.HumanDuration;
import io.fleetsync.health.HealthReason;
import io.fleetsync.health.HealthStatus;
import io.fleetsync.health.HealthWaitResult;
import io.fleetsync.health.ObjectHealth;
import io.fleetsync.health.WaitEnd;
import java.util.EnumMap;
import java.util.Locale;
import java.util.stream.Collectors;

/** The words reports use for health: kstatus' status names, reasons in the same CamelCase, a summary line. */
public final class HealthText {
    private HealthText() {
    }

    /** Current, InProgress, Failed, Terminating, NotFound, Unknown. */
    public static String status(HealthStatus status) {
        return camel(status.name());
    }

    /** The reason as one CamelCase word, e.g. ProgressDeadlineExceeded. */
    public static String reason(HealthReason reason) {
        return camel(reason.name());
    }

    /** current, failed, timed-out, stopped: the end of a wait, for JSON and metrics. */
    public static String end(WaitEnd end) {
        return end.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "health: 2 Current, 1 Failed (waited 12s)". */
    public static String summary(HealthWaitResult result) {
        var counts = new EnumMap<HealthStatus, Long>(HealthStatus.class);
        result.objects().forEach(o -> counts.merge(o.health().status(), 1L, Long::sum));
        var parts = counts.entrySet().stream().map(e -> e.getValue() + " " + status(e.getKey()))
                .collect(Collectors.joining(", "));
        long timedOut = result.objects().stream().filter(ObjectHealth::timedOut).count();
        return "health: " + (parts.isEmpty() ? result.end() == WaitEnd.READ ? "no owned objects" : "nothing to wait for" : parts)
                + (timedOut > 0 ? ", " + timedOut + " timed out" : "")
                + (result.end() == WaitEnd.STOPPED ? ", stopped" : "")
                + (result.end() == WaitEnd.READ ? "" : " (waited " + HumanDuration.format(result.waited()) + ")");
    }

    /** One object's line: "Failed  ProgressDeadlineExceeded: message" (message scrubbed of control characters). */
    public static String describe(ObjectHealth o) {
        return status(o.health().status()) + (o.timedOut() ? " (timed out)" : "") + "  "
                + reason(o.health().reason()) + ": " + TerminalText.line(o.health().message());
    }

    private static String camel(String constant) {
        var sb = new StringBuilder();
        for (var part : constant.split("_")) {
            sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
