package io.fleetsync.rollout;

/**
 * Looks again at what a wave applied on one cluster while the wave soaks ({@code run.AppliedObjectsSoakCheck}
 * re-reads the applied objects and judges them with the health model).
 */
@FunctionalInterface
public interface SoakCheck {
    SoakObservation observe(String cluster);
}
