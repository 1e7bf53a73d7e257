package io.fleetsync.fleet;

import io.fleetsync.fleet.FleetDocument.SelectorEntry;
import io.fleetsync.fleet.FleetDocument.TargetEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks the {@code targets} section against the declared clusters and builds {@link Target}s. */
final class TargetValidator {
    private final List<Cluster> clusters;
    private final Set<String> clusterNames;
    private final FleetProblems problems;

    TargetValidator(List<Cluster> clusters, FleetProblems problems) {
        this.clusters = clusters;
        this.clusterNames = clusters.stream().map(Cluster::name).collect(Collectors.toSet());
        this.problems = problems;
    }

    List<Target> targets(List<TargetEntry> entries) {
        if (entries == null || entries.isEmpty()) {
            problems.addUnlessReported("targets", entries == null ? "missing required field 'targets'" : "no targets listed");
            return List.of();
        }
        var targets = new ArrayList<Target>();
        var firstIndex = new HashMap<String, Integer>();
        for (int i = 0; i < entries.size(); i++) {
            var at = "targets[" + i + "]";
            var entry = entries.get(i);
            if (entry == null) {
                problems.addUnlessReported(at, "empty target entry");
                continue;
            }
            int before = problems.size();
            if (entry.name() == null) {
                problems.add(at + ".name", "missing required field 'name'");
            } else {
                var nameProblem = NameRules.dnsLabelProblem(entry.name());
                if (nameProblem != null) {
                    problems.add(at + ".name", "target name " + nameProblem);
                }
                var first = firstIndex.putIfAbsent(entry.name(), i);
                if (first != null) {
                    problems.add(at + ".name", "duplicate target name '" + entry.name() + "' (also targets["
                            + first + "])");
                }
            }
            var selector = selector(entry.clusters(), at + ".clusters");
            if (entry.namespace() != null) {
                var nsProblem = NameRules.dnsLabelProblem(entry.namespace());
                if (nsProblem != null) {
                    problems.add(at + ".namespace", "namespace " + nsProblem);
                }
            }
            var resources = new ResourceEntries(problems).read(entry.resources(), at + ".resources");
            var waitTimeout = HealthRulesReader.waitTimeout(entry.waitTimeout(), at + ".waitTimeout", problems);
            if (problems.size() == before) {
                targets.add(new Target(entry.name(), selector, entry.namespace(), resources,
                        !Boolean.FALSE.equals(entry.prune()), waitTimeout));
            }
        }
        return targets;
    }

    /** Shared with {@link RolloutValidator}: a wave selects clusters with the same syntax and checks. */
    ClusterSelector selector(SelectorEntry entry, String at) {
        if (entry == null) {
            problems.addUnlessReported(at, "missing required field 'clusters' (names and/or labels)");
            return null;
        }
        var names = new ArrayList<String>();
        var given = entry.names() == null ? List.<String>of() : entry.names();
        for (int j = 0; j < given.size(); j++) {
            var name = given.get(j);
            if (name == null) {
                problems.add(at + ".names[" + j + "]", "empty cluster name");
            } else if (!clusterNames.contains(name)) {
                problems.add(at + ".names[" + j + "]", "unknown cluster '" + name + "' (clusters: "
                        + String.join(", ", clusters.stream().map(Cluster::name).toList()) + ")");
            } else {
                names.add(name);
            }
        }
        int before = problems.size();
        var labels = NameRules.labels(entry.labels(), at + ".labels", problems);
        if (given.isEmpty() && labels.isEmpty()) {
            problems.addUnlessReported(at, "a selector needs cluster names and/or labels");
            return null;
        }
        if (problems.size() > before) {
            return null;
        }
        var selector = new ClusterSelector(names, labels);
        if (names.size() == given.size() && clusters.stream().noneMatch(selector::selects)) {
            problems.add(at, "selects no cluster");
        }
        return selector;
    }
}
