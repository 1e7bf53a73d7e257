package io.fleetsync.run;

import io.fleetsync.diff.YamlDiff;
import io.fleetsync.input.InputException;
import io.fleetsync.manifest.DesiredFleet;
import io.fleetsync.ops.ShardSelection;
import io.fleetsync.report.ProgressListener;
import io.fleetsync.report.RunReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The reconcile service plan and apply share: a request in, the part of the fleet it selects, then a run report
 * and its verdict out. It never prints; the CLI renders what it returns.
 */
@ApplicationScoped
public class Reconciler {
    // Through logging, not bare stderr lines, so they are JSON lines in a container like everything else.
    private static final Logger OPS_LOG = Logger.getLogger("io.fleetsync.ops");

    /** Runs apply wave by wave when the fleet file has a rollout section; otherwise the fleet runner alone. */
    private final WaveRunner runner;
    private final FleetInputs inputs;

    @Inject
    public Reconciler(WaveRunner runner) {
        this(runner, FleetInputs.forCurrentUser());
    }

    Reconciler(WaveRunner runner, FleetInputs inputs) {
        this.runner = runner;
        this.inputs = inputs;
    }

    /** A finished run: its report, and how it ended. */
    public record Completed(RunReport report, Verdict verdict) {
    }

    /**
     * The desired state of the clusters this request selects: its filters, then its shard.
     *
     * @throws InputException when the fleet file, a manifest or a filter is invalid; no cluster was contacted
     */
    public DesiredFleet load(ReconcileRequest request) throws InputException {
        return selectShard(inputs.load(request.input()), request);
    }

    /** Only this shard's clusters (--shard, or an Indexed Job's index); logged so a job's log shows what each pod did. */
    static DesiredFleet selectShard(DesiredFleet fleet, ReconcileRequest request) {
        if (request.shard().isEmpty()) {
            return fleet;
        }
        var shard = request.shard().get();
        var selected = ShardSelection.select(fleet, shard);
        OPS_LOG.infof("shard %s: %d of %d clusters", shard, selected.clusters().size(), fleet.clusters().size());
        return selected;
    }

    /**
     * Runs the loaded fleet: every cluster planned and, for an apply, changed.
     *
     * @param stopping the user asked to stop (a signal): no new work starts, in-flight work gets {@code grace}
     */
    public Completed run(ReconcileRequest request, DesiredFleet fleet, ProgressListener progress, StopRequest stopping,
                         Duration grace) {
        var report = runner.run(fleet, request.runOptions(fleet.fleet()), new YamlDiff()::diff, progress,
                new FleetRunner.Stop(stopping, grace));
        return new Completed(report, Verdict.of(report, request, stopping.requested()));
    }
}
