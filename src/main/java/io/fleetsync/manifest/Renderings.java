package io.fleetsync.manifest;

import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.Source;
import io.fleetsync.fleet.Target;
import io.fleetsync.input.InputProblem;
import io.fleetsync.input.YamlProblems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The renderer sources of one load. Each (source, cluster) is first rendered into a {@link RenderRequest}; the
 * distinct requests run once each on a bounded pool, all started before any is awaited, and their output is
 * parsed once per request. So a source whose inputs do not depend on the cluster runs once for the whole fleet.
 *
 * <p>Problems are added on the loading thread only: the pool runs processes, nothing else.
 */
final class Renderings implements AutoCloseable {
    private final Path fleetFile;
    private final Path baseDir;
    private final RendererBinaries binaries;
    private final ProcessRunner runner;
    private final Consumer<String> log;
    private final List<InputProblem> problems;
    private final ExecutorService pool;
    private final ManifestParser parser;
    private final Map<RenderRequest, Future<RenderResult>> runs = new HashMap<>();
    private final Map<RenderRequest, RenderedDocuments> parsed = new HashMap<>();
    private boolean kustomizeReported;
    private boolean helmReported;

    Renderings(Path fleetFile, RendererBinaries binaries, ProcessRunner runner, int parallelism,
            Consumer<String> log, List<InputProblem> problems, SharedValues shared) {
        this.fleetFile = fleetFile;
        this.parser = new ManifestParser(shared);
        var folder = fleetFile.getParent();
        this.baseDir = (folder == null ? Path.of("") : folder).toAbsolutePath().normalize();
        this.binaries = binaries;
        this.runner = runner;
        this.log = log;
        this.problems = problems;
        // Virtual threads only wait for processes; the bound keeps a 1000-cluster fleet from forking 1000 at once.
        this.pool = Executors.newFixedThreadPool(parallelism, Thread.ofVirtual().name("render-", 0).factory());
    }

    /** How many distinct renderer runs were started. */
    int runCount() {
        return runs.size();
    }

    /**
     * Starts (or joins) the run of one source for one cluster and returns what yields its documents once awaited.
     *
     * @param field the entry's field path in the fleet file, e.g. {@code targets[0].resources[2]}
     * @param line the entry's line in the fleet file
     */
    Supplier<RenderedDocuments> submit(Source source, String field, int line, Target target,
            Cluster cluster) {
        var request = switch (source) {
            case Source.Exec exec -> exec(exec, field, line, cluster);
            case Source.Kustomize kustomize -> kustomize(kustomize, field, line, cluster);
            case Source.Helm helm -> helm(helm, field, line, target, cluster);
            case Source.Files files -> throw new IllegalArgumentException("files are not rendered: " + files);
        };
        if (request == null) {
            return () -> RenderedDocuments.NONE;
        }
        var run = runs.computeIfAbsent(request, r -> pool.submit(() -> runner.run(r)));
        return () -> documents(request, run, field, line);
    }

    private RenderRequest exec(Source.Exec exec, String field, int line, Cluster cluster) {
        var command = new ArrayList<String>();
        for (int i = 0; i < exec.command().size(); i++) {
            var arg = placeholders(exec.command().get(i), field + ".exec[" + i + "]", line, cluster);
            if (arg == null) {
                return null;
            }
            command.add(arg);
        }
        var label = "exec:" + String.join(" ", command);
        var program = binaries.program(command.getFirst(), baseDir);
        if (program.isEmpty()) {
            problems.add(new InputProblem(fleetFile, line, 0, field + ".exec[0]", "generator '" + command.getFirst()
                    + "' not found: " + (command.getFirst().contains("/") ? "no executable file at "
                    + baseDir.resolve(command.getFirst()).normalize() : "no executable of that name on PATH")));
            return null;
        }
        command.set(0, program.get().toString());
        var environment = exec.clusterEnv() ? clusterEnvironment(cluster) : Map.<String, String>of();
        return new RenderRequest(RenderRequest.Kind.EXEC, command, baseDir, environment, label);
    }

    private RenderRequest kustomize(Source.Kustomize kustomize, String field, int line, Cluster cluster) {
        var path = placeholders(kustomize.path(), field + ".kustomize", line, cluster);
        if (path == null) {
            return null;
        }
        var build = binaries.kustomizeBuild();
        if (build.isEmpty()) {
            problems.add(new InputProblem(fleetFile, line, 0, field + ".kustomize", "cannot render '" + path
                    + "': no kustomize binary found (nor kubectl): " + RendererBinaries.KUSTOMIZE_HELP));
            return null;
        }
        var dir = baseDir.resolve(path).normalize();
        if (!Files.isDirectory(dir) || java.util.stream.Stream.of("kustomization.yaml", "kustomization.yml",
                "Kustomization").noneMatch(name -> Files.isRegularFile(dir.resolve(name)))) {
            problems.add(new InputProblem(fleetFile, line, 0, field + ".kustomize", "'" + path + "' is not a"
                    + " Kustomize directory (no kustomization.yaml in " + dir + ")"));
            return null;
        }
        reportKustomizeVersion(build.get());
        var command = new ArrayList<>(build.get());
        command.add(dir.toString());
        return new RenderRequest(RenderRequest.Kind.KUSTOMIZE, command, baseDir, Map.of(), "kustomize:" + path);
    }

    /**
     * Once per load, on stderr: which kustomize renders, since output differs between versions. For
     * {@code kubectl kustomize} that is the kustomize kubectl embeds, not kubectl's own version.
     */
    private void reportKustomizeVersion(List<String> build) {
        if (kustomizeReported) {
            return;
        }
        kustomizeReported = true;
        var printed = versionOutput(RendererBinaries.versionCommand(build));
        String version;
        if (build.get(1).equals("kustomize")) {
            var kubectl = line(printed, "Client Version:");
            version = line(printed, "Kustomize Version:") + " (embedded in kubectl " + kubectl + ")";
        } else {
            version = printed.lines().findFirst().orElse("unknown version");
        }
        log.accept("render: kustomize " + version + " (" + String.join(" ", build) + ")");
    }

    private static String line(String printed, String prefix) {
        return printed.lines().map(String::strip).filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length()).strip()).orElse("version unknown");
    }

    private String version(List<String> command) {
        var printed = versionOutput(command);
        return printed.lines().findFirst().orElse("version unknown");
    }

    private String versionOutput(List<String> command) {
        var version = runner.run(new RenderRequest(RenderRequest.Kind.VERSION, command, baseDir, Map.of(),
                "version"));
        return version instanceof RenderResult.Output out ? out.stdout().strip() : "";
    }

    private RenderRequest helm(Source.Helm helm, String field, int line, Target target, Cluster cluster) {
        var at = field + ".helm";
        int before = problems.size();
        var chart = placeholders(helm.chart(), at + ".chart", line, cluster);
        var version = helm.version() == null ? null : placeholders(helm.version(), at + ".version", line, cluster);
        var release = placeholders(helm.releaseName() == null ? target.name() : helm.releaseName(),
                at + ".releaseName", line, cluster);
        var namespace = helm.namespace() != null ? placeholders(helm.namespace(), at + ".namespace", line, cluster)
                : target.namespace() != null ? target.namespace() : "default";
        var values = new ArrayList<String>();
        for (int i = 0; i < helm.values().size(); i++) {
            var content = valuesFile(helm.values().get(i), at + ".values[" + i + "]", line, cluster);
            if (content != null) {
                values.add(content);
            }
        }
        var sets = new ArrayList<String>();
        helm.set().forEach((key, value) -> {
            var rendered = placeholders(value, at + ".set." + key, line, cluster);
            if (rendered != null) {
                sets.add(key + "=" + rendered);
            }
        });
        if (problems.size() > before || chart == null || release == null || namespace == null) {
            return null;
        }
        var binary = binaries.helm();
        if (binary.isEmpty()) {
            problems.add(new InputProblem(fleetFile, line, 0, at, "cannot render chart '" + chart
                    + "': no helm binary found: " + RendererBinaries.HELM_HELP));
            return null;
        }
        if (!helmReported) {
            helmReported = true;
            log.accept("render: helm " + version(List.of(binary.get().toString(), "version", "--short")) + " ("
                    + binary.get() + ")");
        }
        // A chart folder or archive next to the fleet file; anything else is a reference helm resolves itself.
        var local = baseDir.resolve(chart).normalize();
        var command = new ArrayList<>(List.of(binary.get().toString(), "template", release,
                Files.exists(local) ? local.toString() : chart, "--namespace", namespace, "--include-crds"));
        if (version != null) {
            command.addAll(List.of("--version", version));
        }
        sets.forEach(set -> command.addAll(List.of("--set", set)));
        return new RenderRequest(RenderRequest.Kind.HELM, command, baseDir, Map.of(), "helm:" + chart, values);
    }

    /** A values file's content, rendered for the cluster: placeholders there are located in the values file. */
    private String valuesFile(String name, String field, int line, Cluster cluster) {
        var path = placeholders(name, field, line, cluster);
        if (path == null) {
            return null;
        }
        var file = baseDir.resolve(path).normalize();
        String text;
        try {
            text = Files.readString(file);
        } catch (java.io.IOException e) {
            problems.add(new InputProblem(fleetFile, line, 0, field, "values file " + path + " "
                    + YamlProblems.unreadable(e)));
            return null;
        }
        return ClusterTemplate.needsRendering(text) ? new ClusterTemplate(cluster).render(relative(file), text,
                problems) : text;
    }

    private Path relative(Path file) {
        var folder = fleetFile.getParent();
        return (folder == null ? Path.of("") : folder).resolve(baseDir.relativize(file));
    }

    /**
     * The variables a generator that asks for them gets: {@code FLEETSYNC_CLUSTER_NAME} and one
     * {@code FLEETSYNC_CLUSTER_LABEL_<KEY>} per label, the key upper-cased with every other character than
     * letters and digits turned into {@code _} ({@code topology.kubernetes.io/region} →
     * {@code FLEETSYNC_CLUSTER_LABEL_TOPOLOGY_KUBERNETES_IO_REGION}).
     */
    static Map<String, String> clusterEnvironment(Cluster cluster) {
        var environment = new LinkedHashMap<String, String>();
        environment.put("FLEETSYNC_CLUSTER_NAME", cluster.name());
        cluster.labels().forEach((key, value) -> environment.put("FLEETSYNC_CLUSTER_LABEL_"
                + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value));
        return environment;
    }

    private String placeholders(String text, String field, int line, Cluster cluster) {
        if (!ClusterTemplate.needsRendering(text)) {
            return text;
        }
        var found = new ArrayList<InputProblem>();
        var rendered = new ClusterTemplate(cluster).render(fleetFile, text, found);
        // The template counts lines and columns within the argument; the fleet file's entry is the useful place.
        found.forEach(p -> problems.add(new InputProblem(fleetFile, line, 0, field, p.message())));
        return rendered;
    }

    private RenderedDocuments documents(RenderRequest request, Future<RenderResult> run, String field,
            int line) {
        RenderResult result;
        try {
            result = run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new RenderResult.Failure(RenderResult.Reason.TIMED_OUT, "interrupted");
        } catch (ExecutionException e) {
            result = new RenderResult.Failure(RenderResult.Reason.NOT_STARTED, String.valueOf(e.getCause()));
        }
        if (result instanceof RenderResult.Failure failure) {
            problems.add(new InputProblem(fleetFile, line, 0, field, request.label() + " " + switch (failure.reason()) {
                case NOT_STARTED -> "could not be started: ";
                case EXIT_STATUS -> "failed: ";
                case TIMED_OUT -> "timed out: ";
            } + failure.detail()));
            return RenderedDocuments.NONE;
        }
        var stdout = ((RenderResult.Output) result).stdout();
        return parsed.computeIfAbsent(request, r -> withoutHooks(r, parse(r, stdout, field, line)));
    }

    /**
     * Helm hooks are set apart, and shown in plans and results as skipped: fleetsync cannot run them as hooks
     * (before or after the other objects, awaited, deleted by policy), and applying a hook Job as an ordinary object
     * would run it once and then keep a finished Job that fights its delete policy. Charts whose hooks matter need
     * Helm or a controller (docs/fleet-file.md).
     */
    private RenderedDocuments withoutHooks(RenderRequest request, List<ManifestDocument> documents) {
        if (request.kind() != RenderRequest.Kind.HELM) {
            return RenderedDocuments.of(documents);
        }
        var kept = new ArrayList<ManifestDocument>();
        var hooks = new ArrayList<ManifestDocument>();
        for (var document : documents) {
            (hook(document.body()) == null ? kept : hooks).add(document);
        }
        if (!hooks.isEmpty()) {
            log.accept("render: " + request.label() + " (release " + request.command().get(2) + "): skipped "
                    + hooks.size() + " Helm hook object(s), fleetsync applies no hooks: " + String.join(", ",
                    hooks.stream().map(d -> d.body().get("kind") + "/" + ((Map<?, ?>) d.body().get("metadata"))
                            .get("name") + " (" + hook(d.body()) + ")").toList()));
        }
        return new RenderedDocuments(kept, hooks);
    }

    /** The {@code helm.sh/hook} annotation of a rendered document, or null. */
    static String hook(Map<String, Object> body) {
        if (body.get("metadata") instanceof Map<?, ?> metadata && metadata.get("annotations") instanceof Map<?, ?> a
                && a.get("helm.sh/hook") instanceof String hook) {
            return hook;
        }
        return null;
    }

    private List<ManifestDocument> parse(RenderRequest request, String stdout, String field, int line) {
        var r = request;
        return parser.parse(stdout, new ManifestParser.Locator() {
            @Override
            public SourceLocation at(int document, int documentLine) {
                return new SourceLocation(fleetFile, line, r.label(), document);
            }

            @Override
            public InputProblem syntax(YAMLException e) {
                var at = YamlProblems.syntax(Path.of("output"), e);
                return new InputProblem(fleetFile, line, 0, field, r.label() + " printed invalid YAML"
                        + (at.line() > 0 ? " at line " + at.line() + " of its output" : "") + ": "
                        + at.message().replaceFirst("^invalid YAML: ", ""));
            }
        }, problems);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
