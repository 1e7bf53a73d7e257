package io.fleetsync.fleet;

import io.fleetsync.fleet.FleetDocument.RolloutEntry;
import io.fleetsync.fleet.FleetDocument.WaveEntry;
import io.fleetsync.units.HumanDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks the {@code rollout:} section against the declared clusters and builds the {@link Rollout}. */
final class RolloutValidator {
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%");

    private final List<Cluster> clusters;
    private final FleetProblems problems;

    RolloutValidator(List<Cluster> clusters, FleetProblems problems) {
        this.clusters = clusters;
        this.problems = problems;
    }

    Rollout rollout(RolloutEntry entry) {
        if (entry == null) {
            return Rollout.NONE;
        }
        if (entry.waves() == null || entry.waves().isEmpty()) {
            problems.addUnlessReported("rollout.waves", entry.waves() == null ? "missing required field 'waves'"
                    : "no waves listed");
            return Rollout.NONE;
        }
        var waves = new ArrayList<Wave>();
        var firstIndex = new HashMap<String, Integer>();
        for (int i = 0; i < entry.waves().size(); i++) {
            var at = "rollout.waves[" + i + "]";
            var w = entry.waves().get(i);
            if (w == null) {
                problems.addUnlessReported(at, "empty wave entry");
                continue;
            }
            int before = problems.size();
            var name = name(w.name(), i, at, firstIndex);
            var pick = pick(w, at);
            var maxInFlight = Optional.ofNullable(w.maxInFlight());
            if (maxInFlight.isPresent() && maxInFlight.get() < 1) {
                problems.add(at + ".maxInFlight", "maxInFlight must be at least 1, was " + maxInFlight.get());
            }
            var budget = w.failureBudget() == null ? Wave.NO_FAILURES
                    : share(w.failureBudget(), 0, at + ".failureBudget", "failureBudget");
            var soak = duration(w.soak(), at + ".soak", false).orElse(Duration.ZERO);
            var deadline = duration(w.deadline(), at + ".deadline", true);
            if (problems.size() == before) {
                waves.add(new Wave(name, pick, maxInFlight, budget, soak, deadline));
            }
        }
        return new Rollout(waves);
    }

    private String name(String given, int i, String at, HashMap<String, Integer> firstIndex) {
        if (given == null) {
            return "wave-" + (i + 1);
        }
        var problem = NameRules.dnsLabelProblem(given);
        if (problem != null) {
            problems.add(at + ".name", "wave name " + problem);
        } else if (given.equals(Wave.REMAINING)) {
            problems.add(at + ".name", "wave name '" + Wave.REMAINING + "' is reserved for the implicit last wave "
                    + "(clusters no wave selects)");
        }
        var first = firstIndex.putIfAbsent(given, i);
        if (first != null) {
            problems.add(at + ".name", "duplicate wave name '" + given + "' (also rollout.waves[" + first + "])");
        }
        return given;
    }

    private WavePick pick(WaveEntry w, String at) {
        if ((w.clusters() == null) == (w.count() == null)) {
            problems.addUnlessReported(at, "a wave takes its clusters with exactly one of 'clusters' (names and/or "
                    + "labels) or 'count' (a number or percentage of the clusters not yet placed)");
            return null;
        }
        if (w.clusters() != null) {
            var selector = new TargetValidator(clusters, problems).selector(w.clusters(), at + ".clusters");
            return selector == null ? null : new WavePick.Selected(selector);
        }
        var share = share(w.count(), 1, at + ".count", "count");
        return share == null ? null : new WavePick.Take(share);
    }

    /** A number ≥ {@code min} or a percentage from {@code min}% to 100%. */
    private Share share(Object value, int min, String at, String field) {
        var expected = field + " is a number (at least " + min + ") or a percentage like \"25%\"";
        if (value instanceof Integer n) {
            if (n < min) {
                problems.add(at, expected + ", was " + n);
                return null;
            }
            return new Share.Absolute(n);
        }
        if (value instanceof String s) {
            var m = PERCENT.matcher(s.trim());
            if (m.matches()) {
                int p = Integer.parseInt(m.group(1));
                if (p >= min && p <= 100) {
                    return new Share.Percent(p);
                }
            }
            problems.add(at, expected + ", was '" + s + "'");
            return null;
        }
        problems.add(at, expected + ", was " + describe(value));
        return null;
    }

    private Optional<Duration> duration(String text, String at, boolean positive) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            var d = HumanDuration.parse(text);
            if (positive && d.isZero()) {
                problems.add(at, "must be positive, was '" + text + "'");
                return Optional.empty();
            }
            return Optional.of(d);
        } catch (RuntimeException e) {
            problems.add(at, "'" + text + "' is not a duration (use e.g. 30s, 5m, 1h30m)");
            return Optional.empty();
        }
    }

    private static String describe(Object value) {
        if (value instanceof List<?>) return "a list";
        if (value instanceof java.util.Map<?, ?>) return "a mapping";
        if (value instanceof Boolean) return "a boolean";
        if (value instanceof Number) return "a number with a fraction";
        return "an unexpected value";
    }
}
