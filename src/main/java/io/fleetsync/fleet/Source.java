package io.fleetsync.fleet;

import java.util.List;

/**
 * One entry of a target's {@code resources}: plain manifest files, or a renderer whose output is manifests.
 * Arguments may hold {@code ${cluster.*}} placeholders; they are rendered per cluster while loading.
 */
public sealed interface Source {

    /** A file, a directory (its {@code *.yaml}/{@code *.yml}) or a glob, relative to the fleet file. */
    record Files(String path) implements Source {
    }

    /** A Kustomize directory, relative to the fleet file, built with {@code kustomize build}. */
    record Kustomize(String path) implements Source {
    }

    /**
     * A generator command whose stdout is YAML; the first element is the program (a name is looked up on PATH, a
     * path is relative to the fleet file).
     *
     * @param clusterEnv whether the generator gets the cluster's name and labels as environment variables; then it
     *     runs once per cluster, otherwise once per distinct rendered command line
     */
    record Exec(List<String> command, boolean clusterEnv) implements Source {
        public Exec {
            command = List.copyOf(command);
        }
    }

    /**
     * A Helm chart rendered with {@code helm template}.
     *
     * @param chart a chart folder or archive relative to the fleet file, or a reference helm resolves itself
     *     ({@code oci://…}, {@code repo/name})
     * @param version the chart version for a reference; may be null
     * @param releaseName may be null: the target's name
     * @param namespace may be null: the target's namespace, else {@code default}
     * @param values values files relative to the fleet file, in order; their content may hold placeholders
     * @param set {@code --set} values, applied after the files
     */
    record Helm(String chart, String version, String releaseName, String namespace, List<String> values,
            java.util.Map<String, String> set) implements Source {
        public Helm {
            values = List.copyOf(values);
            set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
        }
    }
}
