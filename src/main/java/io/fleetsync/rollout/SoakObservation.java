package io.fleetsync.rollout;

/**
 * One soak check of one cluster.
 *
 * @param problem null when healthy
 * @param subject the object found unhealthy ({@code Kind/ns/name}), or null
 * @param detail a short explanation for the report (never a Secret value), or null
 */
public record SoakObservation(String cluster, SoakProblem problem, String subject, String detail) {

    public static SoakObservation healthy(String cluster) {
        return new SoakObservation(cluster, null, null, null);
    }

    public boolean healthy() {
        return problem == null;
    }
}
