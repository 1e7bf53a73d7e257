package io.fleetsync.run;

import io.fleetsync.fleet.Fleet;
import io.fleetsync.fleet.Target;
import io.fleetsync.health.WaitSettings;
import java.time.Duration;
import java.util.HashMap;

/** Puts {@code apply --wait} into a run's options, from the command line and the fleet file. */
public final class WaitRun {
    private WaitRun() {
    }

    /**
     * The options with waiting on: each target's wait timeout from the fleet file (or {@code timeout}), the fleet
     * file's health rules, and a cluster deadline longer by the longest wait, so {@code --cluster-timeout} keeps
     * bounding connect to apply and the wait timeout bounds the wait.
     */
    public static RunOptions with(RunOptions options, boolean enabled, Duration timeout, Fleet fleet) {
        if (!enabled || !options.apply()) {
            return options;
        }
        var perTarget = new HashMap<String, Duration>();
        var longest = timeout;
        for (Target t : fleet.targets()) {
            if (t.waitTimeout() != null) {
                perTarget.put(t.name(), t.waitTimeout());
                longest = longest.compareTo(t.waitTimeout()) < 0 ? t.waitTimeout() : longest;
            }
        }
        var settings = new WaitSettings(true, timeout, perTarget, fleet.health());
        return new RunOptions(options.apply(), options.plan(), options.write(), options.client(),
                options.concurrency(), options.clusterTimeout().plus(longest), settings, options.status());
    }
}
