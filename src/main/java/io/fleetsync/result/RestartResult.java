package io.fleetsync.result;

import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.diff.ChangeNote;
import io.fleetsync.resource.GroupKind;
import io.fleetsync.resource.ResourceKey;
import java.util.List;

/**
 * What one rollout restart (restart-on-change) did. Not a planned change: the report lists a done restart as the
 * update it is, and a failed one in the cluster's error line.
 */
public sealed interface RestartResult {

    /** The restart as the report counts it among the cluster's outcomes. */
    ObjectOutcome outcome();

    /** The workload's pod template was annotated, so its pods roll. */
    record Restarted(ResourceKey workload, List<String> configs) implements RestartResult {
        public Restarted {
            configs = List.copyOf(configs);
        }

        public ObjectOutcome outcome() {
            return ObjectOutcome.done(change(workload, configs));
        }
    }

    /** The annotation patch failed. */
    record RestartFailed(ResourceKey workload, List<String> configs, String error) implements RestartResult {
        public RestartFailed {
            configs = List.copyOf(configs);
        }

        public ObjectOutcome outcome() {
            return ObjectOutcome.failed(change(workload, configs), error);
        }
    }

    /** Listing the workloads of one kind in a namespace failed, so none of them could be looked at. */
    record ListFailed(GroupKind kind, String namespace, String error) implements RestartResult {
        public ObjectOutcome outcome() {
            // A list covers no single object: the key names the kind and namespace with an empty name.
            return ObjectOutcome.failed(Change.of(new ResourceKey(kind.group(), kind.kind(), namespace, ""), "",
                    Action.UPDATE), error);
        }
    }

    /** The change a restart makes, as the report shows it. */
    static Change change(ResourceKey workload, List<String> configs) {
        return new Change(workload, "", Action.UPDATE, List.of("spec.template.metadata.annotations[\""
                + RESTARTED_AT + "\"]"), List.of(), null,
                new ChangeNote.RolloutRestart(configs));
    }

    /** The pod-template annotation {@code kubectl rollout restart} sets. */
    String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
}
