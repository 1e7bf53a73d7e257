package io.fleetsync.fleet;

import java.util.List;
import java.util.Map;

/** The fleet file exactly as written, before validation: every field may be absent (null). */
record FleetDocument(List<ClusterEntry> clusters, List<TargetEntry> targets) {

    /** One {@code clusters[]} entry. */
    record ClusterEntry(String name, Map<String, String> labels, String context, String kubeconfig, String server,
            String tokenEnv, String tokenFile, String caFile, Boolean insecureSkipTlsVerify) {
    }

    /** A target's {@code clusters} selector. */
    record SelectorEntry(List<String> names, Map<String, String> labels) {
    }

    /** One {@code targets[]} entry. */
    record TargetEntry(String name, SelectorEntry clusters, String namespace, List<String> resources,
            Boolean prune) {
    }
}
