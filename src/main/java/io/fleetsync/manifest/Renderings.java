package io.fleetsync.manifest;

import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.Source;
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
    private final ManifestParser parser = new ManifestParser();
    private final Map<RenderRequest, Future<RenderResult>> runs = new HashMap<>();
    private final Map<RenderRequest, List<ManifestDocument>> parsed = new HashMap<>();
    private boolean kustomizeReported;

    Renderings(Path fleetFile, RendererBinaries binaries, ProcessRunner runner, int parallelism,
            Consumer<String> log, List<InputProblem> problems) {
        this.fleetFile = fleetFile;
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
    Supplier<List<ManifestDocument>> submit(Source source, String field, int line, Cluster cluster) {
        var request = switch (source) {
            case Source.Exec exec -> exec(exec, field, line, cluster);
            case Source.Kustomize kustomize -> kustomize(kustomize, field, line, cluster);
            case Source.Files files -> throw new IllegalArgumentException("files are not rendered: " + files);
        };
        if (request == null) {
            return List::of;
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
        return new RenderRequest(command, baseDir, environment, label);
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
        return new RenderRequest(command, baseDir, Map.of(), "kustomize:" + path);
    }

    /** Once per load, on stderr: which kustomize renders, since output differs between versions. */
    private void reportKustomizeVersion(List<String> build) {
        if (kustomizeReported) {
            return;
        }
        kustomizeReported = true;
        var version = runner.run(new RenderRequest(RendererBinaries.versionCommand(build), baseDir, Map.of(),
                "kustomize version"));
        var words = version instanceof RenderResult.Output out ? out.stdout().strip().lines().findFirst()
                .orElse("unknown version") : "version unknown";
        log.accept("render: kustomize " + words + " (" + String.join(" ", build) + ")");
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

    private List<ManifestDocument> documents(RenderRequest request, Future<RenderResult> run, String field,
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
            return List.of();
        }
        var stdout = ((RenderResult.Output) result).stdout();
        return parsed.computeIfAbsent(request, r -> parser.parse(stdout, new ManifestParser.Locator() {
            @Override
            public SourceLocation at(int document, int documentLine) {
                return new SourceLocation(fleetFile, line, r.label() + " (document " + document + ")");
            }

            @Override
            public InputProblem syntax(YAMLException e) {
                var at = YamlProblems.syntax(Path.of("output"), e);
                return new InputProblem(fleetFile, line, 0, field, r.label() + " printed invalid YAML"
                        + (at.line() > 0 ? " at line " + at.line() + " of its output" : "") + ": "
                        + at.message().replaceFirst("^invalid YAML: ", ""));
            }
        }, problems));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
