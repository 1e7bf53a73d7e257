package io.fleetsync.fleet;

import java.util.List;

/** The fleet file's {@code rollout:} section: ordered waves. No waves: every cluster at once, as without it. */
public record Rollout(List<Wave> waves) {
    public static final Rollout NONE = new Rollout(List.of());

    public Rollout {
        waves = List.copyOf(waves);
    }

    public boolean isEmpty() {
        return waves.isEmpty();
    }
}
