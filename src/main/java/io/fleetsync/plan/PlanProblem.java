package io.fleetsync.plan;

import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.manifest.SourceLocation;
import io.fleetsync.resource.GroupKind;
import io.fleetsync.resource.ResourceKey;
import io.fleetsync.result.ObjectOutcome;

/**
 * Something that kept part of a cluster from being planned. Not an outcome of apply: nothing was attempted. Each
 * kind knows the step it happened in, so the report can say where the cluster's first failure was.
 */
public sealed interface PlanProblem {

    /** The step of planning this problem happened in. */
    ClusterPhase phase();

    /** One line for the cluster's error (already scrubbed of Secret values). */
    String message();

    /**
     * The problem as the report counts it: one failed entry among the cluster's outcomes, so the totals, metrics and
     * partial status stay what they were when problems were outcomes. Its change matches no planned change.
     */
    ObjectOutcome counted();

    /** The cluster does not serve a desired object's kind, and no CRD of this run defines it. */
    record UnservedKind(ResourceKey key, String target, String apiVersion, SourceLocation source) implements PlanProblem {
        public ClusterPhase phase() {
            return ClusterPhase.DISCOVER;
        }

        public String message() {
            return "the cluster does not serve " + apiVersion + " " + key.kind() + " (" + source + ")";
        }

        public ObjectOutcome counted() {
            return ObjectOutcome.failed(Change.of(key, target, Action.CREATE), message());
        }
    }

    /**
     * Listing one (kind, namespace) failed: what exists there is not known, so nothing may be pruned.
     *
     * @param namespace empty for a cluster-scoped kind
     */
    record ListFailed(GroupKind kind, String namespace, String message) implements PlanProblem {
        public ClusterPhase phase() {
            return ClusterPhase.LIST;
        }

        public ObjectOutcome counted() {
            // A list covers no single object: the key names the kind and namespace with an empty name.
            return ObjectOutcome.failed(Change.of(new ResourceKey(kind.group(), kind.kind(), namespace, ""), "",
                    Action.UNCHANGED), message);
        }
    }

    /** One desired object could not be diffed (its GET or dry run failed). */
    record ObjectFailed(ResourceKey key, String message) implements PlanProblem {
        public ClusterPhase phase() {
            return ClusterPhase.DIFF;
        }

        public ObjectOutcome counted() {
            return ObjectOutcome.failed(Change.of(key, "", Action.UNCHANGED), message);
        }
    }
}
