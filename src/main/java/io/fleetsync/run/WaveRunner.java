package io.fleetsync.run;

import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.cluster.ClusterConnector;
import io.fleetsync.diff.Action;
import io.fleetsync.fleet.Cluster;
import io.fleetsync.manifest.ClusterState;
import io.fleetsync.manifest.DesiredFleet;
import io.fleetsync.plan.ObjectDiffer;
import io.fleetsync.report.ClusterReport;
import io.fleetsync.report.ProgressListener;
import io.fleetsync.report.RunReport;
import io.fleetsync.resource.ResourceKey;
import io.fleetsync.rollout.AssignedWave;
import io.fleetsync.rollout.ClusterResult;
import io.fleetsync.rollout.Gate;
import io.fleetsync.rollout.GateDecision;
import io.fleetsync.rollout.RolloutOutcome;
import io.fleetsync.rollout.SoakObservation;
import io.fleetsync.rollout.WaveAssignment;
import io.fleetsync.rollout.WaveOutcome;
import io.fleetsync.rollout.WaveProgress;
import io.fleetsync.rollout.WaveState;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.virtual.threads.VirtualThreads;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs an apply wave by wave around the {@link FleetRunner}: each wave is one fleet run over its clusters (at most
 * its {@code maxInFlight} at once), then its gate ({@link Gate}) decides — soaking first when the wave changed
 * something. After a halt, later waves are not touched: their clusters are reported held back. A plan, or a fleet
 * without a {@code rollout:} section, is one fleet run as before (a plan only gains the wave list).
 */
@ApplicationScoped
public class WaveRunner {
    private static final Logger LOG = Logger.getLogger("io.fleetsync.rollout");
    /** How often a soaking wave's clusters are looked at: often enough to halt soon, rare enough to cost little. */
    static final Duration SOAK_INTERVAL = Duration.ofSeconds(5);
    private static final long STOP_POLL_MS = 200;

    private final FleetRunner runner;
    private final ClusterConnector connector;
    private final ExecutorService executor;

    @Inject
    public WaveRunner(FleetRunner runner, ClusterConnector connector, @VirtualThreads ExecutorService executor) {
        this.runner = runner;
        this.connector = connector;
        this.executor = executor;
    }

    public RunReport run(DesiredFleet fleet, RunOptions options, ObjectDiffer differ, ProgressListener progress,
                         FleetRunner.Stop stop) {
        var rollout = fleet.fleet().rollout();
        if (rollout.isEmpty()) {
            return runner.run(fleet, options, differ, progress, stop);
        }
        var waves = WaveAssignment.assign(rollout, fleet.clusters().stream().map(ClusterState::cluster).toList());
        if (!options.apply()) {
            return runner.run(fleet, options, differ, progress, stop)
                    .withRollout(new RolloutOutcome(waves.stream().map(WaveOutcome::planned).toList()));
        }
        var startedAt = Instant.now();
        long start = System.nanoTime();
        var reports = new HashMap<String, ClusterReport>();
        var outcomes = new ArrayList<WaveOutcome>();
        boolean halted = false;
        var lastWave = waves.isEmpty() ? null : waves.get(waves.size() - 1);
        for (var wave : waves) {
            if (halted) {
                outcomes.add(WaveOutcome.heldBack(wave));
                for (var name : wave.clusters()) {
                    var report = new ClusterReport(name, ClusterReport.Status.HELD_BACK, null, List.of(), null, null,
                            Duration.ZERO);
                    progress.clusterFinished(report);
                    reports.put(name, report);
                }
                continue;
            }
            var outcome = runWave(fleet, wave, wave != lastWave, options, differ, progress, stop, reports);
            LOG.infof("wave %s: %s %s", wave.name(), outcome.state(), switch (outcome.decision()) {
                case GateDecision.Pass p -> p.reason();
                case GateDecision.Halt h -> h.reason() + " " + h.clusters();
                case GateDecision.KeepSoaking k -> "";
            });
            outcomes.add(outcome);
            halted = outcome.state() == WaveState.HALTED;
        }
        var ordered = fleet.clusters().stream().map(s -> reports.get(s.cluster().name())).toList();
        return new RunReport(RunReport.Kind.RESULT, options.write().dryRun(), startedAt,
                ClusterPipeline.elapsed(start), ordered, new RolloutOutcome(outcomes));
    }

    private WaveOutcome runWave(DesiredFleet fleet, AssignedWave wave, boolean laterWaves, RunOptions options,
                                ObjectDiffer differ,
                                ProgressListener progress, FleetRunner.Stop stop, Map<String, ClusterReport> reports) {
        var waveStart = Instant.now();
        long t0 = System.nanoTime();
        LOG.infof("wave %s: %d cluster(s) %s", wave.name(), wave.clusters().size(), wave.clusters());
        var states = fleet.clusters().stream().filter(s -> wave.clusters().contains(s.cluster().name())).toList();
        var spec = wave.wave();
        var waveOptions = options.withConcurrencyAndTimeout(spec.maxInFlight().orElse(options.concurrency()),
                // A cluster never outlives its wave's deadline.
                spec.deadline().filter(d -> d.compareTo(options.clusterTimeout()) < 0).orElse(options.clusterTimeout()));
        List<ClusterReport> done = states.isEmpty() ? List.of()
                : runner.run(new DesiredFleet(fleet.fleet(), states), waveOptions, differ, progress, stop).clusters();
        done.forEach(r -> reports.put(r.cluster(), r));
        var results = done.stream().collect(Collectors.toMap(ClusterReport::cluster, WaveRunner::result));
        var state = new WaveProgress(wave, results, ClusterPipeline.elapsed(t0), Duration.ZERO, List.of(),
                stop.requested().requested());
        var decision = Gate.decide(state);
        int checks = 0;
        var observations = new ArrayList<SoakObservation>();
        var round = new SoakRound(executor, waveOptions.concurrency());
        if (decision instanceof GateDecision.KeepSoaking && options.write().dryRun()) {
            // A dry run wrote nothing that could be watched.
            decision = new GateDecision.Pass(io.fleetsync.rollout.PassReason.WITHIN_BUDGET);
        }
        if (laterWaves && !options.write().dryRun() && decision instanceof GateDecision.Pass pass
                && pass.reason() == io.fleetsync.rollout.PassReason.NO_CHANGES) {
            // One look (not a soak) at what a converged wave owns before later waves get the same version.
            var clusters = states.stream().map(ClusterState::cluster)
                    .collect(Collectors.toMap(Cluster::name, Function.identity()));
            try (var check = new AppliedObjectsSoakCheck(connector, options.client(), clusters, planned(done),
                    fleet.fleet().health())) {
                observations.addAll(round.observe(check, wave.clusters().stream()
                        .filter(c -> results.get(c) == ClusterResult.UNCHANGED).toList()));
            }
            decision = Gate.decide(state.soakedFor(Duration.ZERO, observations));
        }
        if (decision instanceof GateDecision.KeepSoaking) {
            var changed = wave.clusters().stream().filter(c -> results.get(c) == ClusterResult.CHANGED).toList();
            var clusters = states.stream().map(ClusterState::cluster)
                    .collect(Collectors.toMap(Cluster::name, Function.identity()));
            try (var check = new AppliedObjectsSoakCheck(connector, options.client(), clusters, applied(done),
                    fleet.fleet().health())) {
                long soakStart = System.nanoTime();
                while (decision instanceof GateDecision.KeepSoaking k) {
                    var pause = k.remaining().compareTo(SOAK_INTERVAL) < 0 ? k.remaining() : SOAK_INTERVAL;
                    if (!pause(pause, stop)) {
                        decision = Gate.decide(state.stopped());
                        break;
                    }
                    observations.addAll(round.observe(check, changed));
                    checks++;
                    decision = Gate.decide(state.soakedFor(ClusterPipeline.elapsed(soakStart), observations));
                }
            }
        }
        var unhealthy = observations.stream().filter(o -> !o.healthy()).toList();
        return new WaveOutcome(wave, decision instanceof GateDecision.Halt ? WaveState.HALTED : WaveState.PASSED,
                decision, waveStart, Instant.now(), checks, unhealthy);
    }

    /**
     * A cluster counts as failed for the rollout unless its apply was fully ok: a partial apply left it between
     * versions, which an SRE would not call a success.
     */
    static ClusterResult result(ClusterReport report) {
        if (report.status() != ClusterReport.Status.OK) {
            return ClusterResult.FAILED;
        }
        return report.outcomes().stream().anyMatch(o -> o.status() == ObjectOutcome.Status.DONE)
                ? ClusterResult.CHANGED : ClusterResult.UNCHANGED;
    }

    /** What each cluster's apply created, updated or replaced: the objects a soak looks at. */
    private static Map<String, List<ResourceKey>> applied(List<ClusterReport> reports) {
        var applied = new LinkedHashMap<String, List<ResourceKey>>();
        for (var r : reports) {
            applied.put(r.cluster(), r.outcomes().stream()
                    .filter(o -> o.status() == ObjectOutcome.Status.DONE && o.change().action() != Action.DELETE)
                    .map(o -> o.change().key()).distinct().toList());
        }
        return applied;
    }

    /** Every object each cluster's plan holds (unchanged ones included), deletes aside. */
    private static Map<String, List<ResourceKey>> planned(List<ClusterReport> reports) {
        var planned = new LinkedHashMap<String, List<ResourceKey>>();
        for (var r : reports) {
            planned.put(r.cluster(), r.plan() == null ? List.of() : r.plan().changes().stream()
                    .filter(c -> c.action() != Action.DELETE).map(c -> c.key()).distinct().toList());
        }
        return planned;
    }

    /** Sleeps, waking early when a stop is requested; false when it was. */
    private static boolean pause(Duration d, FleetRunner.Stop stop) {
        long until = System.nanoTime() + d.toNanos();
        try {
            while (System.nanoTime() < until) {
                if (stop.requested().requested()) {
                    return false;
                }
                Thread.sleep(Math.max(1, Math.min(STOP_POLL_MS, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stop.requested().requested();
    }
}
