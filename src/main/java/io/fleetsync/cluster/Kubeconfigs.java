package io.fleetsync.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kubeconfig files parsed once, however many clusters name them. A fleet usually has one file with a context per
 * cluster; Fabric8's {@code Config.fromKubeconfig} parses the whole file for every context, which made client set-up
 * quadratic in the fleet size (a tenth of a 50-cluster no-op plan's CPU, and growing with every cluster added).
 * The result is what {@code fromKubeconfig} returns: the same merge, then the same system-property and environment
 * overrides (proxies, for instance).
 */
final class Kubeconfigs {
    private record Version(Path file, FileTime modified, long size) {
    }

    private final ConcurrentHashMap<Version, io.fabric8.kubernetes.api.model.Config> parsed = new ConcurrentHashMap<>();

    Config forContext(Path file, String context) throws IOException {
        var path = file.toAbsolutePath().normalize();
        // Keyed by modification time and size too: a long-lived process (tests) may see the file rewritten.
        var version = new Version(path, Files.getLastModifiedTime(path), Files.size(path));
        var model = parsed.computeIfAbsent(version, v -> KubeConfigUtils.parseConfig(v.file().toFile()));
        var config = Config.empty();
        synchronized (model) { // merge records which file each entry came from on the shared model objects
            KubeConfigUtils.merge(config, context, model);
        }
        Config.configFromSysPropsOrEnvVars(config);
        return config;
    }
}
