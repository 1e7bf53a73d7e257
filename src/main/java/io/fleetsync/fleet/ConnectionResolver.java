package io.fleetsync.fleet;

import io.fleetsync.kubeconfig.KubeconfigContexts;
import io.fleetsync.fleet.FleetDocument.ClusterEntry;
import io.fleetsync.input.YamlProblems;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a cluster entry's connection fields into a {@link Connection}, checking now everything that can be
 * checked offline: files exist, contexts exist, tokens are present. Token values never enter a message.
 */
final class ConnectionResolver {
    private final Path baseDir;
    private final Map<String, String> environment;
    private final Path home;
    private final KubeconfigContexts kubeconfigs = new KubeconfigContexts();

    ConnectionResolver(Path baseDir, Map<String, String> environment, Path home) {
        this.baseDir = baseDir;
        this.environment = environment;
        this.home = home;
    }

    /** Returns the connection, or null when a problem was recorded. */
    Connection resolve(ClusterEntry entry, String at, FleetProblems problems) {
        boolean insecure = Boolean.TRUE.equals(entry.insecureSkipTlsVerify());
        if (entry.context() != null && entry.server() != null) {
            problems.add(at + ".server", "set either context (kubeconfig) or server (token), not both");
            return null;
        }
        if (entry.context() != null) {
            return viaKubeconfig(entry, at, insecure, problems);
        }
        if (entry.server() != null) {
            return viaToken(entry, at, insecure, problems);
        }
        if (problems.reportedAt(at + ".context") || problems.reportedAt(at + ".server")) {
            return null;
        }
        problems.add(at, "missing connection: set context (with optional kubeconfig) or server (with tokenEnv or tokenFile)");
        return null;
    }

    private Connection viaKubeconfig(ClusterEntry entry, String at, boolean insecure, FleetProblems problems) {
        int before = problems.size();
        var serverOnly = new LinkedHashMap<String, String>();
        serverOnly.put("tokenEnv", entry.tokenEnv());
        serverOnly.put("tokenFile", entry.tokenFile());
        serverOnly.put("caFile", entry.caFile());
        serverOnly.forEach((field, value) -> {
            if (value != null) {
                problems.add(at + "." + field, field + " only applies to a server connection, not to a context");
            }
        });
        if (entry.context().isBlank()) {
            problems.add(at + ".context", "context must not be empty");
            return null;
        }
        var kubeconfig = entry.kubeconfig() != null ? baseDir.resolve(entry.kubeconfig()).normalize()
                : defaultKubeconfig();
        var kubeconfigField = entry.kubeconfig() != null ? at + ".kubeconfig" : at + ".context";
        var contexts = kubeconfigs.of(kubeconfig);
        if (contexts.failure() != null) {
            problems.add(kubeconfigField, contexts.failure());
            return null;
        }
        if (!contexts.names().contains(entry.context())) {
            problems.add(at + ".context", "context '" + entry.context() + "' not found in kubeconfig " + kubeconfig
                    + " (contexts: " + String.join(", ", contexts.names()) + ")");
            return null;
        }
        return problems.size() > before ? null
                : new Connection.Kubeconfig(kubeconfig, entry.context(), insecure);
    }

    private Connection viaToken(ClusterEntry entry, String at, boolean insecure, FleetProblems problems) {
        int before = problems.size();
        if (entry.kubeconfig() != null) {
            problems.add(at + ".kubeconfig", "kubeconfig only applies to a context connection, not to a server");
        }
        checkServer(entry.server(), at + ".server", problems);
        Connection.Secret token = null;
        if ((entry.tokenEnv() == null) == (entry.tokenFile() == null)) {
            problems.add(at + ".server", "a server connection needs exactly one of tokenEnv or tokenFile");
        } else if (entry.tokenEnv() != null) {
            token = tokenFromEnvironment(entry.tokenEnv(), at + ".tokenEnv", problems);
        } else {
            token = tokenFromFile(entry.tokenFile(), at + ".tokenFile", problems);
        }
        Path caFile = null;
        if (entry.caFile() != null) {
            caFile = baseDir.resolve(entry.caFile()).normalize();
            if (!Files.isRegularFile(caFile) || !Files.isReadable(caFile)) {
                problems.add(at + ".caFile", "CA file " + caFile + " does not exist or is not readable");
            }
        }
        return problems.size() > before || token == null ? null
                : new Connection.Token(entry.server(), token, caFile, insecure);
    }

    private static void checkServer(String server, String field, FleetProblems problems) {
        try {
            var uri = new URI(server);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.add(field, "server must be an http(s) URL with a host, like https://10.0.0.1:6443");
            }
        } catch (URISyntaxException e) {
            problems.add(field, "server is not a valid URL: " + e.getReason());
        }
    }

    private Connection.Secret tokenFromEnvironment(String variable, String field, FleetProblems problems) {
        var value = environment.get(variable);
        if (value == null) {
            problems.add(field, "environment variable " + variable + " is not set");
            return null;
        }
        if (value.isBlank()) {
            problems.add(field, "environment variable " + variable + " is empty");
            return null;
        }
        return new Connection.Secret(value.strip());
    }

    private Connection.Secret tokenFromFile(String name, String field, FleetProblems problems) {
        var file = baseDir.resolve(name).normalize();
        try {
            var value = Files.readString(file).strip();
            if (value.isEmpty()) {
                problems.add(field, "token file " + file + " is empty");
                return null;
            }
            return new Connection.Secret(value);
        } catch (IOException e) {
            problems.add(field, "token file " + file + " " + YamlProblems.unreadable(e));
            return null;
        }
    }

    /** Like kubectl: the first entry of $KUBECONFIG, else ~/.kube/config. */
    private Path defaultKubeconfig() {
        var variable = environment.get("KUBECONFIG");
        if (variable != null) {
            for (var entry : variable.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    return Path.of(entry).toAbsolutePath().normalize();
                }
            }
        }
        return home.resolve(".kube").resolve("config");
    }
}
