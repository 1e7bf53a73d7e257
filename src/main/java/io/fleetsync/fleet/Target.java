package io.fleetsync.fleet;

import java.util.List;

/**
 * A named set of manifests placed on the clusters its selector picks.
 *
 * @param namespace default namespace for namespaced objects that name none; may be null
 * @param resources files, directories, globs and renderers (relative to the fleet file), in listed order
 * @param prune whether objects this target owns but no longer renders are deleted
 * @param waitTimeout how long {@code apply --wait} waits for this target's objects; null: {@code --wait-timeout}
 */
public record Target(String name, ClusterSelector clusters, String namespace, List<Source> resources, boolean prune,
                     java.time.Duration waitTimeout) {
    public Target {
        resources = List.copyOf(resources);
    }

    public Target(String name, ClusterSelector clusters, String namespace, List<Source> resources, boolean prune) {
        this(name, clusters, namespace, resources, prune, null);
    }
}
