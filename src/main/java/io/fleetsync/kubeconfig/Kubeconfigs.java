package io.fleetsync.kubeconfig;

import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kubeconfig files parsed once, however many clusters name them. A fleet usually has one file with a context per
 * cluster; Fabric8's {@code Config.fromKubeconfig} parses the whole file for every context, which made client set-up
 * quadratic in the fleet size (a tenth of a 50-cluster no-op plan's CPU, and growing with every cluster added).
 * The result is what {@code fromKubeconfig} returns: the same merge, then the same system-property and environment
 * overrides (proxies, for instance) — except exec plugins: Fabric8 would run a user's plugin inside the merge, once
 * per context, with stderr mixed into its JSON. They are taken out at parse time and given back as
 * {@link ExecPlugin}s for the cluster package's {@code ExecCredentials} to run once per user.
 */
public final class Kubeconfigs {
    private record Version(Path file, FileTime modified, long size) {
    }

    private record Parsed(io.fabric8.kubernetes.api.model.Config model, Map<String, ExecConfig> execByUser,
                          Map<String, NamedCluster> clusters) {
    }

    /** One context: Fabric8's config without exec, and the context user's exec plugin if it has one. */
    public record Context(Config config, Optional<ExecPlugin> exec) {
    }

    private final ConcurrentHashMap<Version, Parsed> parsed = new ConcurrentHashMap<>();

    public Config forContext(Path file, String context) throws IOException {
        return resolve(file, context).config();
    }

    /** The context's config; throws {@link InvalidExecEntry} when its user's exec entry cannot be run as written. */
    public Context resolve(Path file, String context) throws IOException {
        var path = file.toAbsolutePath().normalize();
        // Keyed by modification time and size too: a long-lived process (tests) may see the file rewritten.
        var version = new Version(path, Files.getLastModifiedTime(path), Files.size(path));
        var entry = parsed.computeIfAbsent(version, v -> parse(v.file()));
        var config = Config.empty();
        synchronized (entry.model()) { // merge records which file each entry came from on the shared model objects
            KubeConfigUtils.merge(config, context, entry.model());
        }
        Config.configFromSysPropsOrEnvVars(config);
        var current = config.getCurrentContext();
        if (current == null || current.getContext() == null || current.getContext().getUser() == null) {
            return new Context(config, Optional.empty());
        }
        var user = current.getContext().getUser();
        var exec = entry.execByUser().get(user);
        if (exec == null) {
            return new Context(config, Optional.empty());
        }
        return new Context(config, Optional.of(plugin(path, user, exec,
                entry.clusters().get(current.getContext().getCluster()))));
    }

    private static Parsed parse(Path file) {
        var model = KubeConfigUtils.parseConfig(file.toFile());
        var exec = new HashMap<String, ExecConfig>();
        if (model.getUsers() != null) {
            for (var user : model.getUsers()) {
                if (user.getUser() != null && user.getUser().getExec() != null) {
                    exec.put(user.getName(), user.getUser().getExec());
                    user.getUser().setExec(null);
                }
            }
        }
        var clusters = new HashMap<String, NamedCluster>();
        if (model.getClusters() != null) {
            model.getClusters().forEach(c -> clusters.put(c.getName(), c));
        }
        return new Parsed(model, Map.copyOf(exec), clusters);
    }

    /** The kubeconfig exec entry, checked as the exec spec requires; errors name the file and the user. */
    static ExecPlugin plugin(Path file, String user, ExecConfig exec, NamedCluster cluster) {
        var where = "user '" + user + "' in kubeconfig " + file + ": exec.";
        ExecPlugin.ExecApiVersion version = null;
        for (var v : ExecPlugin.ExecApiVersion.values()) {
            if (v.apiVersion().equals(exec.getApiVersion())) {
                version = v;
            }
        }
        if (version == null) {
            throw new InvalidExecEntry(where + "apiVersion '" + exec.getApiVersion()
                    + "' is not supported; use client.authentication.k8s.io/v1 or v1beta1");
        }
        if (exec.getCommand() == null || exec.getCommand().isBlank()) {
            throw new InvalidExecEntry(where + "command is missing");
        }
        var mode = interactiveMode(exec.getInteractiveMode(), version, where);
        var env = new LinkedHashMap<String, String>();
        if (exec.getEnv() != null) {
            exec.getEnv().forEach(e -> env.put(e.getName(), e.getValue() == null ? "" : e.getValue()));
        }
        var clusterInfo = Boolean.TRUE.equals(exec.getProvideClusterInfo()) && cluster != null
                ? clusterInfo(file, cluster) : null;
        return new ExecPlugin(file, user, version, exec.getCommand(),
                exec.getArgs() == null ? List.of() : exec.getArgs(), env, mode, exec.getInstallHint(), clusterInfo);
    }

    private static ExecPlugin.InteractiveMode interactiveMode(String value, ExecPlugin.ExecApiVersion version,
                                                              String where) {
        if (value == null || value.isBlank()) {
            if (version == ExecPlugin.ExecApiVersion.V1) {
                throw new InvalidExecEntry(where
                        + "interactiveMode is required for client.authentication.k8s.io/v1 (Never, IfAvailable or Always)");
            }
            return ExecPlugin.InteractiveMode.IF_AVAILABLE;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "never" -> ExecPlugin.InteractiveMode.NEVER;
            case "ifavailable" -> ExecPlugin.InteractiveMode.IF_AVAILABLE;
            case "always" -> ExecPlugin.InteractiveMode.ALWAYS;
            default -> throw new InvalidExecEntry(where + "interactiveMode '" + value
                    + "' is not one of Never, IfAvailable, Always");
        };
    }

    /** {@code spec.cluster} of the ExecCredential request, with the field names of the exec spec. */
    private static Map<String, Object> clusterInfo(Path file, NamedCluster named) {
        var c = named.getCluster();
        var info = new LinkedHashMap<String, Object>();
        if (c == null) {
            return info;
        }
        if (c.getServer() != null) {
            info.put("server", c.getServer());
        }
        if (c.getTlsServerName() != null) {
            info.put("tls-server-name", c.getTlsServerName());
        }
        if (Boolean.TRUE.equals(c.getInsecureSkipTlsVerify())) {
            info.put("insecure-skip-tls-verify", true);
        }
        if (c.getCertificateAuthorityData() != null) {
            info.put("certificate-authority-data", c.getCertificateAuthorityData());
        } else if (c.getCertificateAuthority() != null) {
            var ca = file.getParent().resolve(c.getCertificateAuthority());
            try {
                info.put("certificate-authority-data", Base64.getEncoder().encodeToString(Files.readAllBytes(ca)));
            } catch (IOException e) {
                throw new InvalidExecEntry("cluster '" + named.getName()
                        + "' in kubeconfig " + file + ": certificate-authority " + ca + " cannot be read");
            }
        }
        if (c.getProxyUrl() != null) {
            info.put("proxy-url", c.getProxyUrl());
        }
        if (c.getExtensions() != null) {
            c.getExtensions().stream().filter(x -> "client.authentication.k8s.io/exec".equals(x.getName()))
                    .findFirst().ifPresent(x -> info.put("config", x.getExtension()));
        }
        return info;
    }
}
