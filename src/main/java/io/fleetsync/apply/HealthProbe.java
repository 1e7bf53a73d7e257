package io.fleetsync.apply;

import io.fleetsync.health.*;

import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ApiFailure;
import io.fleetsync.cluster.ObjectStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the health of objects an apply wrote: one GET per object through the cluster's {@link ObjectStore}, so the
 * cluster's rate cap, in-flight limit and fault-tolerance guard apply. Also what the rollout's soak re-checks.
 */
public final class HealthProbe {
    private final HealthEvaluator evaluator;

    public HealthProbe(HealthEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    public HealthProbe(HealthRules rules) {
        this(new HealthEvaluator(rules));
    }

    /**
     * Each object's health now, in the order given. A read that fails gives {@link HealthStatus#UNKNOWN} with the
     * failure (never a body: it might hold a Secret); an interrupted run stops the check.
     */
    public List<ObjectHealth> check(ObjectStore api, List<AppliedObject> objects) {
        var out = new ArrayList<ObjectHealth>(objects.size());
        for (var object : objects) {
            out.add(new ObjectHealth(object, health(api, object)));
        }
        return out;
    }

    Health health(ObjectStore api, AppliedObject object) {
        try {
            return evaluator.evaluate(api.get(object.path()), object.generation());
        } catch (ApiException e) {
            if (e.kind() == ApiFailure.INTERRUPTED) {
                throw e;
            }
            return new Health(HealthStatus.UNKNOWN, HealthReason.UNREADABLE, "could not read it: " + e.getMessage());
        }
    }
}
