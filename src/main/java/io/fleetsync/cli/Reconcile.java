package io.fleetsync.cli;

import io.fleetsync.cluster.ClientSettings;
import io.fleetsync.input.InputException;
import io.fleetsync.manifest.DesiredFleet;
import io.fleetsync.ops.Shard;
import io.fleetsync.plan.PlanOptions;
import io.fleetsync.report.RenderOptions;
import io.fleetsync.report.ReportRenderers;
import io.fleetsync.report.StderrProgress;
import io.fleetsync.run.Mode;
import io.fleetsync.run.ReconcileFlag;
import io.fleetsync.run.ReconcileRequest;
import io.fleetsync.run.Reconciler;
import io.fleetsync.run.Verdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.Optional;
import java.util.Set;

/**
 * What plan and apply share on the CLI side: options into a {@link ReconcileRequest}, the reconcile service's
 * answer rendered, its verdict mapped to an exit code.
 */
@ApplicationScoped
public class Reconcile {
    private final Reconciler reconciler;
    private final StopSignal signals;

    @Inject
    public Reconcile(Reconciler reconciler, StopSignal signals) {
        this.reconciler = reconciler;
        this.signals = signals;
    }

    public int run(RunMixin o, OperationsOptions operations, Mode mode, Set<ReconcileFlag> flags, PrintStream out,
                   PrintStream err) {
        return run(o, operations, mode, flags, null, out, err);
    }

    /** @param waitTimeout {@code --wait-timeout} (null: the default) */
    public int run(RunMixin o, OperationsOptions operations, Mode mode, Set<ReconcileFlag> flags,
                   java.time.Duration waitTimeout, PrintStream out, PrintStream err) {
        try (var levels = LogLevels.forCommand(o.verbose)) {
            return reconcile(o, operations, mode, flags, waitTimeout, out, err);
        }
    }

    private int reconcile(RunMixin o, OperationsOptions operations, Mode mode, Set<ReconcileFlag> flags,
                          java.time.Duration waitTimeout, PrintStream out, PrintStream err) {
        var invalid = checkNumbers(o);
        if (invalid != null) {
            err.println("fleetsync: " + invalid);
            return ExitCodes.of(Verdict.INVALID);
        }
        // Operations: only this shard's clusters (--shard, or an Indexed Job's index).
        Optional<Shard> shard;
        try {
            shard = operations.shard(System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("fleetsync: " + e.getMessage());
            return ExitCodes.of(Verdict.INVALID);
        }
        var request = request(o, mode, flags, shard, waitTimeout);
        DesiredFleet fleet;
        try {
            fleet = reconciler.load(request);
        } catch (InputException e) {
            err.println(e.getMessage());
            err.println("fleetsync: invalid input; no cluster was contacted");
            return ExitCodes.of(Verdict.INVALID);
        }
        InsecureWarnings.print(fleet, err);
        var progress = operations.progress(new StderrProgress(err, fleet.clusters().size(), o.quiet));
        var stop = signals.arm(err);
        try {
            var done = reconciler.run(request, fleet, progress, stop, StopSignal.GRACE);
            var colors = !o.noColor && System.getenv("NO_COLOR") == null && Terminal.isInteractive();
            ReportRenderers.forFormat(o.output, RenderOptions.PLAIN.withColors(colors).withDiffs(o.diff)
                            .withMaxBytes(o.maxBytes))
                    .render(done.report(), out);
            out.flush();
            // Operations: metrics file and Pushgateway.
            operations.publish(done.report(), shard);
            if (done.verdict() == Verdict.INTERRUPTED) {
                err.println("fleetsync: interrupted; the report above says what was and was not applied");
            }
            return ExitCodes.of(done.verdict());
        } finally {
            signals.disarm(stop);
        }
    }

    static ReconcileRequest request(RunMixin o, Mode mode, Set<ReconcileFlag> flags, Optional<Shard> shard,
                                    java.time.Duration waitTimeout) {
        var input = o.input.fleetInput();
        var plan = new PlanOptions(o.adopt, o.forceConflicts, o.allowEmpty, o.maxDeletions, o.diff, o.pruneOrphans);
        return new ReconcileRequest(mode, flags, input, shard, plan, clientSettings(o), o.concurrency,
                o.clusterTimeout, waitTimeout);
    }

    private static ClientSettings clientSettings(RunMixin o) {
        var d = ClientSettings.defaults();
        return new ClientSettings(o.clusterRequests, o.requestTimeout, d.connectTimeout(), o.retries, d.backoff(),
                d.maxBackoff(), o.clusterQps, o.clusterBurst, d.breakerThreshold(), d.breakerDelay());
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
}
