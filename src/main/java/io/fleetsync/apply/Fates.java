package io.fleetsync.apply;

import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.result.OutcomeReason;
import io.fleetsync.diff.Change;
import io.fleetsync.plan.ClusterPhase;
import io.fleetsync.resource.ResourceKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Gives every planned change an outcome when a cluster stopped part-way through an apply (it failed, or its deadline
 * passed): the changes it never reached are skipped, saying why, so done + failed + skipped always equals the planned
 * changes in every report and metric.
 */
public final class Fates {
    private Fates() {
    }

    /** Why a change was never attempted: the cluster stopped in {@code phase} because of {@code cause}. */
    public record NotAttempted(ClusterPhase phase, String cause) {
        public OutcomeReason reason() {
            return new OutcomeReason.NotAttempted(phase.label(), cause);
        }
    }

    /** The outcomes so far plus one skipped outcome for each planned change that has none. */
    public static List<ObjectOutcome> complete(List<Change> planned, List<ObjectOutcome> outcomes, NotAttempted why) {
        record Id(ResourceKey key, String target) {
        }
        var seen = new HashSet<Id>();
        outcomes.forEach(o -> seen.add(new Id(o.change().key(), o.change().target())));
        var out = new ArrayList<>(outcomes);
        for (var change : planned) {
            if (change.action().isChange() && seen.add(new Id(change.key(), change.target()))) {
                out.add(ObjectOutcome.skipped(change, why.reason()));
            }
        }
        return out;
    }
}
