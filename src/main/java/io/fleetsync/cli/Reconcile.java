package io.fleetsync.cli;

import io.fleetsync.apply.ApplyOptions;
import io.fleetsync.cluster.ClientSettings;
import io.fleetsync.diff.YamlDiff;
import io.fleetsync.fleet.FleetLoader;
import io.fleetsync.input.InputException;
import io.fleetsync.manifest.DesiredFleet;
import io.fleetsync.manifest.DesiredStateLoader;
import io.fleetsync.plan.PlanOptions;
import io.fleetsync.report.RenderOptions;
import io.fleetsync.report.ReportRenderers;
import io.fleetsync.report.RunReport;
import io.fleetsync.report.StderrProgress;
import io.fleetsync.run.FleetRunner;
import io.fleetsync.run.RunOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.time.Duration;

/** The flow plan and apply share: load input, run the fleet, render the report, map the outcome to an exit code. */
@ApplicationScoped
public class Reconcile {
    private final FleetRunner runner;
    private final StopSignal stop;
    /** Runs apply wave by wave when the fleet file has a rollout section; otherwise the runner alone. */
    @Inject
    io.fleetsync.run.WaveRunner waves;

    @Inject
    public Reconcile(FleetRunner runner, StopSignal stop) {
        this.runner = runner;
        this.stop = stop;
    }

    /** What the command asks for beyond the shared options. */
    public record Request(boolean apply, boolean dryRun, boolean forceReplace, boolean detailedExitCode,
                          boolean waitForDeletion) {
        public Request(boolean apply, boolean dryRun, boolean forceReplace, boolean detailedExitCode) {
            this(apply, dryRun, forceReplace, detailedExitCode, false);
        }
    }

    public int run(RunMixin o, Request request, PrintStream out, PrintStream err) {
        return run(o, new OperationsOptions(), request, out, err);
    }

    public int run(RunMixin o, OperationsOptions operations, Request request, PrintStream out, PrintStream err) {
        if (o.verbose) {
            for (var category : new String[] {"io.fleetsync", "io.fabric8.kubernetes.client"}) {
                java.util.logging.Logger.getLogger(category).setLevel(java.util.logging.Level.FINE);
            }
        }
        var invalid = checkNumbers(o);
        if (invalid != null) {
            err.println("fleetsync: " + invalid);
            return ExitCodes.INVALID;
        }
        DesiredFleet fleet;
        try {
            fleet = Inputs.load(o.input);
        } catch (InputException e) {
            err.println(e.getMessage());
            err.println("fleetsync: invalid input; no cluster was contacted");
            return ExitCodes.INVALID;
        }
        // Operations: only this shard's clusters (--shard, or an Indexed Job's index).
        var sharded = operations.select(fleet, err);
        if (sharded.isEmpty()) {
            return ExitCodes.INVALID;
        }
        fleet = sharded.get();
        Inputs.warnInsecure(fleet, err);
        var options = new RunOptions(request.apply(),
                new PlanOptions(o.adopt, o.forceConflicts, o.allowEmpty, o.maxDeletions, o.diff, o.pruneOrphans),
                new ApplyOptions(request.dryRun(), request.forceReplace(), Duration.ofSeconds(60),
                        request.waitForDeletion(), null),
                clientSettings(o),
                o.concurrency, o.clusterTimeout);
        var progress = operations.progress(new StderrProgress(err, fleet.clusters().size(), o.quiet));
        stop.install(err);
        var report = waves.run(fleet, options, new YamlDiff()::diff, progress,
                new FleetRunner.Stop(stop::requested, StopSignal.GRACE));
        var colors = !o.noColor && System.getenv("NO_COLOR") == null && Terminal.isInteractive();
        ReportRenderers.forFormat(o.output, RenderOptions.PLAIN.withColors(colors).withDiffs(o.diff)
                        .withMaxBytes(o.maxBytes))
                .render(report, out);
        out.flush();
        // Operations: metrics file and Pushgateway.
        operations.publish(report);
        if (stop.requested()) {
            err.println("fleetsync: interrupted; the report above says what was and was not applied");
            return ExitCodes.INTERRUPTED;
        }
        return exitCode(report, request);
    }

    private static ClientSettings clientSettings(RunMixin o) {
        var d = ClientSettings.defaults();
        return new ClientSettings(o.clusterRequests, o.requestTimeout, d.connectTimeout(), o.retries, d.backoff(),
                d.maxBackoff(), o.clusterQps, o.clusterBurst, d.breakerThreshold(), d.breakerDelay());
    }

    static int exitCode(RunReport report, Request request) {
        if (report.anyFailed()) {
            return ExitCodes.FAILED;
        }
        if (!request.apply() && request.detailedExitCode() && report.anyChanges()) {
            return ExitCodes.CHANGES;
        }
        return ExitCodes.OK;
    }

    private static String checkNumbers(RunMixin o) {
        if (o.concurrency < 1) {
            return "--concurrency must be at least 1";
        }
        if (o.clusterRequests < 1) {
            return "--cluster-requests must be at least 1";
        }
        if (o.retries < 0 || o.clusterQps < 0 || o.clusterBurst < 1) {
            return "--retries and --cluster-qps must not be negative, --cluster-burst must be at least 1";
        }
        if (o.maxBytes != 0 && o.maxBytes < RenderOptions.MIN_MAX_BYTES) {
            return "--max-bytes must be 0 (no limit) or at least " + RenderOptions.MIN_MAX_BYTES + ", was "
                    + o.maxBytes;
        }
        if (o.maxDeletions != null && o.maxDeletions < 0) {
            return "--max-deletions must not be negative";
        }
        if (o.pruneOrphans && !o.input.targetFilter().isEmpty()) {
            // --target promises to touch only the named targets; an orphan is none of them.
            return "--prune-orphans cannot be combined with --target";
        }
        if (o.clusterTimeout.isZero() || o.clusterTimeout.isNegative()) {
            return "--cluster-timeout must be positive";
        }
        return null;
    }

    /** Loading shared with {@code validate}. */
    static final class Inputs {
        private Inputs() {
        }

        /**
         * Loads every target, even with {@code --target}: the whole fleet is validated, and objects the other
         * targets render are known, so pruning the selected ones never deletes what moved to another target.
         */
        static DesiredFleet load(InputOptions input) throws InputException {
            var fleet = FleetLoader.forCurrentUser().load(input.fleetFile);
            var loader = new DesiredStateLoader();
            var targets = input.targetFilter();
            if (targets.isEmpty()) {
                return loader.load(fleet, input.clusterFilter(), targets);
            }
            var known = fleet.targets().stream().map(io.fleetsync.fleet.Target::name).toList();
            var unknown = targets.stream().filter(t -> !known.contains(t)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new InputException(new io.fleetsync.input.InputProblem(fleet.file(), 0, 0, "--target",
                        "no target named " + String.join(", ", unknown) + " in the fleet (targets: "
                                + String.join(", ", known) + ")"));
            }
            var all = loader.load(fleet, input.clusterFilter(), java.util.Set.of());
            var states = all.clusters().stream().map(c -> c.onlyTargets(targets))
                    .filter(io.fleetsync.manifest.ClusterState::hasWork).toList();
            return new DesiredFleet(fleet, states);
        }

        static void warnInsecure(DesiredFleet fleet, PrintStream err) {
            for (var c : fleet.clusters()) {
                if (c.cluster().connection().insecureSkipTlsVerify()) {
                    err.println("WARNING: cluster " + c.cluster().name()
                            + " has insecureSkipTlsVerify: true; its API server's identity is not verified");
                }
            }
        }
    }
}
