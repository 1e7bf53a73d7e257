package io.fleetsync.plan;

import java.util.Locale;

/** The steps of one cluster's pipeline, in order; a report names the one where the cluster's first failure happened. */
public enum ClusterPhase {
    CONNECT,
    DISCOVER,
    LIST,
    DIFF,
    /** ApplySet parents widened, objects written stage by stage, CRDs awaited. */
    APPLY,
    /** Deletes, and ApplySet parents narrowed to what remains. */
    PRUNE,
    /** Rollout restarts of workloads whose ConfigMaps or Secrets changed. */
    RESTART,
    /** {@code apply --wait}: the written objects' health read until Current, Failed or timed out. */
    WAIT;

    /** The word reports and progress lines use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
