package io.fleetsync.rollout;

import java.time.Duration;
import java.util.List;

/** What the gate after a wave says: go on, halt the rollout, or keep soaking. */
public sealed interface GateDecision {

    record Pass(PassReason reason) implements GateDecision {
    }

    /** @param clusters the clusters that made the wave halt (failed or unhealthy), in wave order */
    record Halt(HaltReason reason, List<String> clusters) implements GateDecision {
        public Halt {
            clusters = List.copyOf(clusters);
        }
    }

    record KeepSoaking(Duration remaining) implements GateDecision {
    }
}
