package io.fleetsync.cluster;

import io.fleetsync.kubeconfig.ExecPlugin;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsync.cluster.ExecCredentialException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs one exec credential plugin as the kubeconfig exec spec says (what kubectl does): stdout is the ExecCredential
 * JSON; stderr stays apart — kubectl passes it to the terminal, fleetsync logs it at debug and names its last lines
 * when the plugin fails, and never parses it. Fabric8 7.5 merges the two streams, so a plugin's warning on stderr
 * broke the JSON ("Error unmarshalling ExecCredential"); hence a runner of our own.
 */
final class ExecPluginRunner {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ExecPluginRunner.class);
    /** kubectl has no limit; a plugin stuck on a network call must not hold its clusters until their deadline. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int STDERR_LINES_IN_MESSAGES = 5;
    private static final int MAX_OUTPUT = 1 << 20;
    /** Shapes of credentials a plugin might echo on stderr: JWTs and bearer headers. */
    private static final Pattern TOKEN_LIKE = Pattern.compile(
            "eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*|(?i)(bearer\\s+)\\S+");

    private final ObjectMapper json;
    private final Map<String, String> environment;
    private final Clock clock;

    ExecPluginRunner(ObjectMapper json, Map<String, String> environment, Clock clock) {
        this.json = json;
        this.environment = environment;
        this.clock = clock;
    }

    ExecCredential run(ExecPlugin plugin) {
        if (plugin.interactiveMode() == ExecPlugin.InteractiveMode.ALWAYS) {
            throw new ExecCredentialException(Reason.INVALID_CONFIG, plugin.describe() + " has interactiveMode Always;"
                    + " fleetsync runs plugins without a terminal, so log in first (e.g. run kubectl once) and use a"
                    + " plugin that can work non-interactively");
        }
        var command = new ArrayList<String>();
        command.add(resolveCommand(plugin));
        command.addAll(plugin.args());
        var builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(false);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putAll(plugin.env());
        builder.environment().put("KUBERNETES_EXEC_INFO", execInfo(plugin));
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ExecCredentialException(Reason.NOT_FOUND, plugin.describe() + " cannot be started: "
                    + e.getMessage() + (plugin.installHint() == null || plugin.installHint().isBlank() ? ""
                    : "\n" + plugin.installHint().strip()));
        }
        var stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), ExecPluginRunner::virtual);
        var stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), ExecPluginRunner::virtual);
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new ExecCredentialException(Reason.TIMEOUT, plugin.describe() + " did not finish within "
                        + TIMEOUT.toSeconds() + "s");
            }
            var out = stdout.get(5, TimeUnit.SECONDS);
            var err = new String(stderr.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (process.exitValue() != 0) {
                LOG.debugf("%s exited with %d after %d ms; stderr:%n%s", plugin.describe(), process.exitValue(), ms,
                        mask(err, List.of()));
                throw new ExecCredentialException(Reason.FAILED, plugin.describe() + " failed with exit code "
                        + process.exitValue() + lastLines(mask(err, List.of())));
            }
            var credential = parse(plugin, out);
            if (LOG.isDebugEnabled()) {
                LOG.debugf("%s answered in %d ms, expires %s; stderr:%n%s", plugin.describe(), ms,
                        credential.expiry() == null ? "never" : credential.expiry(), mask(err, secrets(credential)));
            }
            return credential;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ExecCredentialException(Reason.TIMEOUT, plugin.describe() + " was interrupted");
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new ExecCredentialException(Reason.FAILED, plugin.describe() + ": its output could not be read");
        }
    }

    /** Parses stdout; no message may quote it, since it holds the token. */
    ExecCredential parse(ExecPlugin plugin, byte[] stdout) {
        JsonNode root;
        try {
            root = json.readTree(stdout);
        } catch (JsonProcessingException e) {
            var at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw badOutput(plugin, "stdout is not JSON" + at);
        } catch (IOException e) {
            throw badOutput(plugin, "stdout could not be read");
        }
        if (root == null || !root.isObject() || !"ExecCredential".equals(root.path("kind").asText())) {
            throw badOutput(plugin, "stdout is not an ExecCredential (kind)");
        }
        if (!plugin.apiVersion().apiVersion().equals(root.path("apiVersion").asText())) {
            throw badOutput(plugin, "it answered apiVersion '" + root.path("apiVersion").asText()
                    + "', the kubeconfig asks for " + plugin.apiVersion().apiVersion());
        }
        var status = root.path("status");
        var token = text(status, "token");
        var cert = text(status, "clientCertificateData");
        var key = text(status, "clientKeyData");
        if (token == null && (cert == null || key == null)) {
            throw badOutput(plugin, "its ExecCredential has neither status.token nor both status.clientCertificateData"
                    + " and status.clientKeyData");
        }
        Instant expiry = null;
        var expiryText = text(status, "expirationTimestamp");
        if (expiryText != null) {
            try {
                expiry = Instant.parse(expiryText);
            } catch (DateTimeParseException e) {
                throw badOutput(plugin, "status.expirationTimestamp '" + expiryText + "' is not an RFC 3339 time");
            }
        }
        return new ExecCredential(token, cert, key, expiry, clock.instant());
    }

    /** The ExecCredential request the spec passes in {@code KUBERNETES_EXEC_INFO}; we never have a terminal. */
    String execInfo(ExecPlugin plugin) {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("interactive", false);
        if (plugin.clusterInfo() != null) {
            spec.put("cluster", plugin.clusterInfo());
        }
        var request = new LinkedHashMap<String, Object>();
        request.put("kind", "ExecCredential");
        request.put("apiVersion", plugin.apiVersion().apiVersion());
        request.put("spec", spec);
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As client-go: a command with a slash but not absolute is relative to the kubeconfig's folder. */
    private static String resolveCommand(ExecPlugin plugin) {
        var command = plugin.command();
        if (command.contains("/") && !Path.of(command).isAbsolute() && plugin.kubeconfig().getParent() != null) {
            var resolved = plugin.kubeconfig().getParent().resolve(command).normalize();
            if (Files.exists(resolved)) {
                return resolved.toString();
            }
        }
        return command;
    }

    /** Replaces the credential's own values and token-shaped strings: stderr is not a secret source, but be sure. */
    static String mask(String text, List<String> secrets) {
        var out = text;
        for (var s : secrets) {
            if (s != null && s.length() >= 4) {
                out = out.replace(s, "<redacted>");
            }
        }
        return TOKEN_LIKE.matcher(out).replaceAll(m -> m.group(1) != null
                ? java.util.regex.Matcher.quoteReplacement(m.group(1)) + "<redacted>" : "<redacted>");
    }

    private static List<String> secrets(ExecCredential c) {
        var out = new ArrayList<String>();
        out.add(c.token());
        out.add(c.clientKeyData());
        return out;
    }

    private static String lastLines(String stderr) {
        var lines = stderr.strip().lines().toList();
        if (lines.isEmpty()) {
            return " (nothing on stderr)";
        }
        var tail = lines.subList(Math.max(0, lines.size() - STDERR_LINES_IN_MESSAGES), lines.size());
        return "; stderr: " + String.join(" | ", tail);
    }

    private static ExecCredentialException badOutput(ExecPlugin plugin, String what) {
        return new ExecCredentialException(Reason.BAD_OUTPUT, plugin.describe() + " printed no usable credential: "
                + what);
    }

    private static String text(JsonNode node, String field) {
        var v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            var buffer = new ByteArrayOutputStream();
            var chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                if (buffer.size() < MAX_OUTPUT) { // keep draining, so a chatty plugin never blocks on a full pipe
                    buffer.write(chunk, 0, Math.min(n, MAX_OUTPUT - buffer.size()));
                }
            }
            return buffer.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void virtual(Runnable r) {
        Thread.ofVirtual().name("exec-plugin-output").start(r);
    }
}
