package io.fleetsync.health;

import java.time.Duration;
import java.util.List;

/**
 * The end of one cluster's wait for health.
 *
 * @param objects every waited object with its last known health
 * @param rounds how many times the objects were read (0 for an apply that changed nothing)
 */
public record HealthWaitResult(WaitEnd end, List<ObjectHealth> objects, Duration waited, int rounds) {
    public HealthWaitResult {
        objects = List.copyOf(objects);
    }

    public static HealthWaitResult nothingToWaitFor() {
        return new HealthWaitResult(WaitEnd.CURRENT, List.of(), Duration.ZERO, 0);
    }

    /**
     * A status read of the owned objects as the plan listed them: no wait, no request of its own.
     */
    public static HealthWaitResult read(List<ObjectHealth> objects) {
        return new HealthWaitResult(WaitEnd.READ, objects, Duration.ZERO, 1);
    }

    /** Whether every object is Current (nothing read is Current too). */
    public boolean allCurrent() {
        return objects.stream().allMatch(o -> o.health().status() == HealthStatus.CURRENT);
    }

    /** One line for the cluster's error, or null when the wait ended healthy. */
    public String problem() {
        return switch (end) {
            case CURRENT, READ -> null;
            case STOPPED -> "stopped while waiting for health";
            case FAILED, TIMED_OUT -> {
                var broken = objects.stream().filter(ObjectHealth::breaks).toList();
                var first = broken.isEmpty() ? null : broken.get(0);
                var what = first == null ? "" : ": " + first.key() + " " + (first.timedOut()
                        ? "not current after the wait timeout" : "failed") + " (" + first.health().message() + ")"
                        + (broken.size() > 1 ? " and " + (broken.size() - 1) + " more" : "");
                yield (end == WaitEnd.FAILED ? "unhealthy" : "wait timed out") + what;
            }
        };
    }
}
