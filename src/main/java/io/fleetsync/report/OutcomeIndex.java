package io.fleetsync.report;

import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.diff.Change;
import io.fleetsync.resource.ResourceKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A cluster's apply outcomes by object and target, so rendering a large plan stays linear. */
public final class OutcomeIndex {

    private record Id(ResourceKey key, String target) {
    }

    private final Map<Id, ObjectOutcome> byId = new HashMap<>();

    public OutcomeIndex(ClusterReport report) {
        // Should an object appear twice, the first outcome wins.
        for (var outcome : report.outcomes()) {
            byId.putIfAbsent(new Id(outcome.change().key(), outcome.change().target()), outcome);
        }
    }

    public Optional<ObjectOutcome> of(Change change) {
        return Optional.ofNullable(byId.get(new Id(change.key(), change.target())));
    }
}
