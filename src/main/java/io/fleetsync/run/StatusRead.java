package io.fleetsync.run;

import io.fleetsync.diff.Action;
import io.fleetsync.health.HealthEvaluator;
import io.fleetsync.health.HealthRules;
import io.fleetsync.health.HealthWaitResult;
import io.fleetsync.health.ObjectHealth;
import io.fleetsync.plan.ClusterWork;
import io.fleetsync.plan.PlannedObject;
import io.fleetsync.report.ClusterReport;
import java.util.List;

/**
 * {@code fleetsync status} inside one cluster's pipeline: the health of every object fleetsync owns there, told
 * from the objects as the plan already read them. The planner lists each kind's ApplySet members in full (status
 * included), so this sends no request of its own: a status costs exactly what a plan costs.
 *
 * @param enabled whether the cluster's report gets the health read (only for {@link Mode#STATUS})
 * @param rules the fleet file's health rules for custom resources
 */
public record StatusRead(boolean enabled, HealthRules rules) {
    public static final StatusRead OFF = new StatusRead(false, HealthRules.NONE);

    static StatusRead with(HealthRules rules) {
        return new StatusRead(true, rules);
    }

    /** The report with the owned objects' health added, or as it is when this is not a status run. */
    ClusterReport after(ClusterReport report, ClusterWork work) {
        if (!enabled) {
            return report;
        }
        var read = HealthWaitResult.read(owned(work.objects(), new HealthEvaluator(rules)));
        return new ClusterReport(report.cluster(), report.status(), report.plan(), report.outcomes(), report.error(),
                report.phase(), report.duration(), read);
    }

    /**
     * Each planned object that exists and is fleetsync's, with its health, in plan order. Left out: objects not on
     * the cluster (the plan's creates: drift, not health) and objects another owner holds (adopt-needed: not
     * fleetsync's to judge). The generation gate compares with the live generation, since this run applied nothing.
     */
    static List<ObjectHealth> owned(List<PlannedObject> objects, HealthEvaluator evaluator) {
        return objects.stream()
                .filter(p -> p.live() != null && p.change().action() != Action.ADOPT_NEEDED)
                .map(p -> new ObjectHealth(p.change().key(), p.change().target(), evaluator.evaluate(p.live(), 0),
                        false))
                .toList();
    }
}
