package io.fleetsync.health;

import java.time.Duration;
import java.util.Map;

/**
 * What {@code apply --wait} waits with.
 *
 * @param enabled whether apply waits at all
 * @param timeout how long one object may take to become Current ({@code --wait-timeout}, default 5m)
 * @param targetTimeouts per target, from the fleet file's {@code waitTimeout}; it wins over {@code timeout}
 * @param rules the fleet file's health rules for custom resources
 */
public record WaitSettings(boolean enabled, Duration timeout, Map<String, Duration> targetTimeouts,
                           HealthRules rules) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final WaitSettings OFF = new WaitSettings(false, DEFAULT_TIMEOUT, Map.of(), HealthRules.NONE);

    public WaitSettings {
        targetTimeouts = Map.copyOf(targetTimeouts);
    }

    public Duration timeoutOf(String target) {
        return target == null ? timeout : targetTimeouts.getOrDefault(target, timeout);
    }
}
