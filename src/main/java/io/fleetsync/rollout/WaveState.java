package io.fleetsync.rollout;

/** Where a wave ended up in a run. */
public enum WaveState {
    /** Plan only: what the wave would hold. */
    PLANNED,
    PASSED,
    HALTED,
    /** An earlier wave halted: its clusters were not touched. */
    HELD_BACK
}
