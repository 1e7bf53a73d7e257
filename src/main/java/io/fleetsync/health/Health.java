package io.fleetsync.health;

/** One object's health: its status, the rule that decided it, and a line for people (no field values of Secrets). */
public record Health(HealthStatus status, HealthReason reason, String message) {

    public static Health current(HealthReason reason, String message) {
        return new Health(HealthStatus.CURRENT, reason, message);
    }

    public static Health inProgress(HealthReason reason, String message) {
        return new Health(HealthStatus.IN_PROGRESS, reason, message);
    }

    public static Health failed(HealthReason reason, String message) {
        return new Health(HealthStatus.FAILED, reason, message);
    }
}
