package io.fleetsync.fleet;

import java.time.Duration;
import java.util.Optional;

/**
 * One wave of the fleet file's {@code rollout:} section.
 *
 * @param pick which clusters the wave takes
 * @param maxInFlight most clusters of the wave applied at once; empty: the run's {@code --concurrency}
 * @param failureBudget how many of the wave's clusters may fail before the rollout halts
 * @param soak how long the wave's changed clusters must stay healthy before the next wave starts
 * @param deadline how long the wave's applies may take, from the wave's start; empty: no deadline
 */
public record Wave(String name, WavePick pick, Optional<Integer> maxInFlight, Share failureBudget, Duration soak,
                   Optional<Duration> deadline) {

    /** Name of the implicit last wave; a listed wave may not take it, so reports stay unambiguous. */
    public static final String REMAINING = "remaining";

    /** The budget of a wave that sets none: no failure is tolerated. */
    public static final Share NO_FAILURES = new Share.Absolute(0);

    /** The last, implicit wave: every cluster no wave selected, with the defaults. */
    public static Wave remaining(String name) {
        return new Wave(name, new WavePick.Rest(), Optional.empty(), NO_FAILURES, Duration.ZERO, Optional.empty());
    }
}
