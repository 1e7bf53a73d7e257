package io.fleetsync.rollout;

import io.fleetsync.fleet.Share;

/** How many of a wave's clusters may fail before the rollout halts. */
public final class FailureBudget {
    private FailureBudget() {
    }

    /**
     * A percentage rounds down, like a Deployment's maxUnavailable: 10% of 5 clusters tolerates 0 failures, never
     * a failure the SRE did not grant. A count larger than the wave tolerates every cluster failing.
     */
    public static int allowed(Share budget, int waveSize) {
        return switch (budget) {
            case Share.Absolute a -> a.count();
            case Share.Percent p -> (int) ((long) p.percent() * waveSize / 100);
        };
    }
}
