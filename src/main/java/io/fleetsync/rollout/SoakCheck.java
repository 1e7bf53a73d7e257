package io.fleetsync.rollout;

/**
 * Looks again at what a wave applied on one cluster while the wave soaks. The implementation on this branch
 * re-reads the applied objects ({@code run.AppliedObjectsSoakCheck}); the kstatus health probe replaces it when
 * the health model is merged, without changing the gate.
 */
@FunctionalInterface
public interface SoakCheck {
    SoakObservation observe(String cluster);
}
