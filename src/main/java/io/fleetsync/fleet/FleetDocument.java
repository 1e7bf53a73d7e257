package io.fleetsync.fleet;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * The fleet file exactly as written, before validation: every field may be absent (null). Jackson maps it by
 * reflection, hence the registration for native executables.
 */
@RegisterForReflection
record FleetDocument(String name, List<ClusterEntry> clusters, List<TargetEntry> targets,
                     List<HealthRuleEntry> health, RolloutEntry rollout) {

    /** The {@code rollout:} section. */
    @RegisterForReflection
    record RolloutEntry(List<WaveEntry> waves) {
    }

    /**
     * One {@code rollout.waves[]} entry. {@code count} and {@code failureBudget} are a number or a percentage
     * string, {@code soak} and {@code deadline} durations; {@link RolloutValidator} checks their shape.
     */
    @RegisterForReflection
    record WaveEntry(String name, SelectorEntry clusters, Object count, Integer maxInFlight, Object failureBudget,
            String soak, String deadline) {
    }


    /** One {@code clusters[]} entry. */
    @RegisterForReflection
    record ClusterEntry(String name, Map<String, String> labels, String context, String kubeconfig, String server,
            String tokenEnv, String tokenFile, String caFile, Boolean insecureSkipTlsVerify) {
    }

    /** A target's {@code clusters} selector. */
    @RegisterForReflection
    record SelectorEntry(List<String> names, Map<String, String> labels) {
    }

    /**
     * One {@code targets[]} entry. A {@code resources} entry is a string (files) or a mapping naming one renderer;
     * its shape is checked by {@link ResourceEntries}, which reports problems by field path.
     */
    @RegisterForReflection
    record TargetEntry(String name, SelectorEntry clusters, String namespace, List<Object> resources,
            Boolean prune, String waitTimeout) {
    }

    /** One {@code health[]} entry: how {@code apply --wait} tells a custom resource's health. */
    @RegisterForReflection
    record HealthRuleEntry(String group, String kind, List<ConditionEntry> conditions, String current,
            String inProgress, String failed) {
    }

    /** One {@code health[].conditions[]} matcher. */
    @RegisterForReflection
    record ConditionEntry(String type, String status, String health) {
    }
}
