package io.fleetsync.run;

import io.fleetsync.apply.ApplyOptions;
import io.fleetsync.cluster.ClientSettings;
import io.fleetsync.plan.PlanOptions;
import java.time.Duration;

/**
 * One run's settings.
 *
 * @param apply write changes (false: plan only)
 * @param concurrency clusters in flight at once
 * @param clusterTimeout deadline of one cluster's whole pipeline
 * @param health {@code apply --wait}: whether and how long each cluster waits for its written objects' health
 * @param status {@code fleetsync status}: whether each cluster's report gets its owned objects' health
 */
public record RunOptions(boolean apply, PlanOptions plan, ApplyOptions write, ClientSettings client,
                         int concurrency, Duration clusterTimeout, io.fleetsync.health.WaitSettings health,
                         StatusRead status) {
    public RunOptions(boolean apply, PlanOptions plan, ApplyOptions write, ClientSettings client,
                      int concurrency, Duration clusterTimeout, io.fleetsync.health.WaitSettings health) {
        this(apply, plan, write, client, concurrency, clusterTimeout, health, StatusRead.OFF);
    }

    public RunOptions(boolean apply, PlanOptions plan, ApplyOptions write, ClientSettings client,
                      int concurrency, Duration clusterTimeout) {
        this(apply, plan, write, client, concurrency, clusterTimeout, io.fleetsync.health.WaitSettings.OFF);
    }

    /**
     * The same run with another concurrency and cluster timeout (a wave's {@code maxInFlight} and deadline). Every
     * other setting, {@code --wait} included, is kept: a wave that silently stopped waiting would pass a broken
     * rollout on to the next wave.
     */
    public RunOptions withConcurrencyAndTimeout(int concurrency, Duration clusterTimeout) {
        return new RunOptions(apply, plan, write, client, concurrency, clusterTimeout, health, status);
    }
}
