package io.fleetsync.manifest;

import io.fleetsync.fleet.Cluster;
import io.fleetsync.fleet.Fleet;
import io.fleetsync.fleet.Target;
import io.fleetsync.input.InputException;
import io.fleetsync.input.InputProblem;
import io.fleetsync.resource.Departure;
import io.fleetsync.resource.GroupKind;
import io.fleetsync.resource.ResourceKey;
import io.fleetsync.resource.ResourceScopes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Loads, renders and validates the manifests of a fleet into the desired state of every selected cluster,
 * offline, reporting every problem at once.
 *
 * <p>Every selected cluster gets a {@link ClusterState}, also one that no target places manifests on any more:
 * what a target left behind there is found and pruned only if the cluster is visited. A target whose files hold
 * no object still gets an (empty) {@link TargetState}, since pruning needs to know it.
 */
public final class DesiredStateLoader {
    /** Generous: a chart with many subcharts takes seconds; a hung renderer must still not hang the run. */
    /** Renderers are CPU-bound programs; more at once than cores only adds memory and contention. */
    static final int RENDER_PARALLELISM = Math.max(2, Runtime.getRuntime().availableProcessors());
    static final java.time.Duration RENDER_TIMEOUT = java.time.Duration.ofMinutes(2);

    private final Map<String, String> environment;
    private final java.util.function.Consumer<String> log;

    /** Renderers are found and run with the environment fleetsync was started with; notes go to stderr. */
    public DesiredStateLoader() {
        this(System.getenv(), System.err::println);
    }

    DesiredStateLoader(Map<String, String> environment, java.util.function.Consumer<String> log) {
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /**
     * @param clusterFilter cluster names to load; empty means all
     * @param targetFilter target names to load; empty means all
     */
    public DesiredFleet load(Fleet fleet, Set<String> clusterFilter, Set<String> targetFilter)
            throws InputException {
        var problems = new ArrayList<InputProblem>();
        var clusters = select(fleet, fleet.clusters(), Cluster::name, clusterFilter, "cluster", problems);
        var targets = select(fleet, fleet.targets(), Target::name, targetFilter, "target", problems);
        throwIfAny(problems);

        var inputs = new TargetFiles(fleet).expand(targets, problems);
        // One per load: parsed documents and the objects made from them share their equal parts as they are made.
        var shared = new SharedValues();
        var sources = new ManifestSources(problems, shared);
        var pending = new LinkedHashMap<Cluster, Map<Target, List<Supplier<RenderedDocuments>>>>();
        var memberships = new HashMap<Cluster, ClusterMembership>();
        // Built once and shared by every cluster's membership: per-cluster copies grew with clusters × targets
        // (a 1000-cluster fleet with a target per cluster held a million departures, ~40 MB; docs/benchmarks.md).
        var fleetTargets = Set.copyOf(fleet.targets().stream().map(Target::name).toList());
        var leaving = targets.stream().map(t -> new DepartedTarget(t, Departure.NO_LONGER_SELECTED)).toList();
        var documents = new LinkedHashMap<Cluster, Map<Target, RenderedDocuments>>();
        try (var renderings = new Renderings(fleet.file(), new RendererBinaries(environment),
                new ProcessRunner(environment, RENDER_TIMEOUT), RENDER_PARALLELISM, log, problems, shared)) {
            // Every renderer run is started before any is awaited, so distinct runs overlap.
            for (var cluster : clusters) {
                memberships.put(cluster, new ClusterMembership(fleet.identity(), fleetTargets,
                        departures(leaving, cluster), targetFilter.isEmpty(),
                        fleet.targets().stream().noneMatch(t -> t.clusters().selects(cluster))));
                var perTarget = new LinkedHashMap<Target, List<Supplier<RenderedDocuments>>>();
                for (var target : targets) {
                    if (target.clusters().selects(cluster)) {
                        perTarget.put(target, inputs.get(target).stream().map(input -> switch (input) {
                            case TargetFiles.FileInput f -> {
                                var docs = RenderedDocuments.of(sources.documents(f.file(), cluster));
                                yield (Supplier<RenderedDocuments>) () -> docs;
                            }
                            case TargetFiles.RenderInput r -> renderings.submit(r.source(), r.field(), r.line(),
                                    target, cluster);
                        }).toList());
                    }
                }
                pending.put(cluster, perTarget);
            }
            pending.forEach((cluster, perTarget) -> {
                var resolved = new LinkedHashMap<Target, RenderedDocuments>();
                perTarget.forEach((target, suppliers) -> {
                    var parts = suppliers.stream().map(Supplier::get).toList();
                    resolved.put(target, new RenderedDocuments(
                            parts.stream().flatMap(p -> p.objects().stream()).toList(),
                            parts.stream().flatMap(p -> p.hooks().stream()).toList()));
                });
                documents.put(cluster, resolved);
            });
        }

        // Scopes come from every CRD in the fleet's manifests, so a CRD and its resources may sit in any file.
        var allDocuments = documents.values().stream().flatMap(m -> m.values().stream())
                .flatMap(r -> r.objects().stream()).toList();
        checkDefinitionsAgree(allDocuments, problems);
        var factory = new DesiredObjectFactory(ResourceScopes.withDefinitionsFrom(
                allDocuments.stream().map(ManifestDocument::body).toList()), shared);
        var states = new ArrayList<ClusterState>();
        documents.forEach((cluster, perTarget) -> states.add(clusterState(cluster, perTarget, factory, problems)
                .withMembership(memberships.get(cluster))));
        throwIfAny(problems);
        return new DesiredFleet(fleet, states);
    }

    private static ClusterState clusterState(Cluster cluster, Map<Target, RenderedDocuments> perTarget,
            DesiredObjectFactory factory, List<InputProblem> problems) {
        var seen = new HashMap<ResourceKey, DesiredObject>();
        var targetStates = new ArrayList<TargetState>();
        perTarget.forEach((target, rendered) -> {
            var objects = new ArrayList<DesiredObject>();
            for (var doc : rendered.objects()) {
                factory.create(doc, target, problems).ifPresent(object -> {
                    var first = seen.putIfAbsent(object.key(), object);
                    if (first == null) {
                        objects.add(object);
                    } else {
                        problems.add(ManifestParser.problemAt(doc.source(), null,
                                object.key().subject() + " is rendered twice for cluster '" + cluster.name()
                                        + "': here (target '" + target.name() + "') and at " + first.source()
                                        + " (target '" + first.target() + "')"));
                    }
                });
            }
            var skipped = rendered.hooks().stream().map(doc -> skippedHook(doc, target, factory)).toList();
            targetStates.add(new TargetState(target, objects, skipped));
        });
        return new ClusterState(cluster, targetStates);
    }

    /**
     * A hook is never applied, so it is not validated like an object: its key is taken as it would be applied
     * when it is well-formed, else as written.
     */
    private static SkippedObject skippedHook(ManifestDocument doc, Target target, DesiredObjectFactory factory) {
        var key = factory.create(doc, target, new ArrayList<>()).map(DesiredObject::key).orElseGet(() -> {
            var metadata = doc.body().get("metadata") instanceof Map<?, ?> m ? m : Map.of();
            var apiVersion = String.valueOf(doc.body().getOrDefault("apiVersion", ""));
            var kind = String.valueOf(doc.body().getOrDefault("kind", ""));
            return new ResourceKey(GroupKind.of(apiVersion, kind).group(), kind,
                    metadata.get("namespace") instanceof String ns ? ns : "", String.valueOf(metadata.get("name")));
        });
        return new SkippedObject(key, target.name(), Renderings.hook(doc.body()), SkippedObject.Reason.HELM_HOOK,
                doc.source());
    }

    /**
     * The loaded targets whose selector does not pick this cluster. Filters never make a departure: a target left
     * out by {@code --target} is not loaded here, and clusters outside {@code --cluster} are not visited.
     */
    private static List<DepartedTarget> departures(List<DepartedTarget> leaving, Cluster cluster) {
        return leaving.stream().filter(d -> !d.target().clusters().selects(cluster)).toList();
    }

    /** Two CRDs giving one kind different scopes would make namespace defaulting depend on file order. */
    private static void checkDefinitionsAgree(List<ManifestDocument> documents, List<InputProblem> problems) {
        var first = new HashMap<GroupKind, ManifestDocument>();
        for (var document : documents) {
            ResourceScopes.definedScope(document.body()).ifPresent(definition -> {
                var earlier = first.putIfAbsent(definition.kind(), document);
                if (earlier != null && ResourceScopes.definedScope(earlier.body()).orElseThrow().namespaced()
                        != definition.namespaced()) {
                    problems.add(new InputProblem(document.source().file(), document.source().line(), 0, "spec.scope",
                            "CustomResourceDefinition for " + definition.kind().applySetName() + " disagrees on"
                                    + " spec.scope with the one at " + earlier.source()));
                }
            });
        }
    }

    /**
     * Fails, as {@link #load} would, when {@code names} has a target the fleet does not; for callers that load every
     * target and narrow afterwards.
     */
    public static void requireTargets(Fleet fleet, Set<String> names) throws InputException {
        var problems = new ArrayList<InputProblem>();
        select(fleet, fleet.targets(), Target::name, names, "target", problems);
        throwIfAny(problems);
    }

    private static <T> List<T> select(Fleet fleet, List<T> all, java.util.function.Function<T, String> name,
            Set<String> filter, String what, List<InputProblem> problems) {
        if (filter.isEmpty()) {
            return all;
        }
        var known = all.stream().map(name).toList();
        for (var wanted : filter.stream().sorted().toList()) {
            if (!known.contains(wanted)) {
                problems.add(new InputProblem(fleet.file(), 0, 0, what + " filter", "no " + what + " named '"
                        + wanted + "' in the fleet (" + what + "s: " + String.join(", ", known) + ")"));
            }
        }
        return all.stream().filter(t -> filter.contains(name.apply(t))).toList();
    }

    private static void throwIfAny(List<InputProblem> problems) throws InputException {
        if (!problems.isEmpty()) {
            throw new InputException(new ArrayList<>(new LinkedHashSet<>(problems)));
        }
    }
}
