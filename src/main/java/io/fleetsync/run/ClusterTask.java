package io.fleetsync.run;

import io.fleetsync.apply.ClusterJournal;
import io.fleetsync.manifest.ClusterState;
import io.fleetsync.plan.ClusterPhase;
import io.fleetsync.report.ClusterReport;
import io.fleetsync.report.ProgressListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * One cluster's run, on its own thread: waits for a slot, runs the cluster's work, and owns what the rest of the
 * run sees of it — its progress events, its deadline and the grace period after a stop, and its one report.
 *
 * <p>The deadline is enforced here and only here: an alarm at {@code clusterTimeout} after the slot was taken, and
 * one at {@code grace} after a stop request, each interrupt the work (its requests and waits end) and settle the
 * report from the journal at once, without waiting for the interrupted work to wind down. Whichever of the work and
 * the alarms finishes first makes the report; the others find it settled.
 */
final class ClusterTask implements Runnable {
    private static final Logger LOG = Logger.getLogger(ClusterTask.class);

    private final ClusterState state;
    private final ClusterWorkload workload;
    private final Settings settings;
    private final ProgressListener progress;
    private final Semaphore slots;
    private final Alarms alarms;
    private final ClusterJournal journal;
    private final CompletableFuture<ClusterReport> report = new CompletableFuture<>();

    // Guarded by this: the thread doing the work while it may be interrupted, and whether a slot is held.
    private Thread worker;
    private boolean holdsSlot;
    private long startNanos;

    /**
     * What a cluster task needs of the run.
     *
     * @param apply the run applies (a part-way report lists what was not attempted)
     */
    record Settings(boolean apply, Duration clusterTimeout, FleetRunner.Stop stop) {
    }

    ClusterTask(ClusterState state, ClusterWorkload workload, Settings settings, ProgressListener progress,
                Semaphore slots, Alarms alarms) {
        this.state = state;
        this.workload = workload;
        this.settings = settings;
        this.progress = progress;
        this.slots = slots;
        this.alarms = alarms;
        this.journal = new ClusterJournal(this::entered);
    }

    private void entered(ClusterPhase phase) {
        // With --verbose, a line per phase shows where each cluster is (SignalIT waits for "entered apply").
        LOG.debugf("cluster %s entered %s", name(), phase.label());
        progress.clusterPhase(name(), phase);
    }

    /** The cluster's report, once settled. */
    CompletableFuture<ClusterReport> report() {
        return report;
    }

    String name() {
        return state.cluster().name();
    }

    @Override
    public void run() {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            settle(ClusterReport.notStarted(name(), "interrupted"));
            return;
        }
        if (!start()) {
            return;
        }
        ClusterReport done;
        try {
            done = workload.run(state, journal, settings.stop().requested());
        } catch (RuntimeException | Error e) {
            // The pipeline turns every failure into a report; this is the last line of defence against a bug.
            done = PartWayReport.of(name(), journal, settings.apply(), "internal error: " + e, elapsed());
        }
        settle(done);
    }

    /** Takes the slot and arms the alarms; false when the run was stopped before this cluster could start. */
    private boolean start() {
        synchronized (this) {
            holdsSlot = true;
            if (settings.stop().requested().requested()) {
                settle(ClusterReport.notStarted(name(), "not started: the run was interrupted"));
                return false;
            }
            worker = Thread.currentThread();
            startNanos = System.nanoTime();
        }
        alarms.after(settings.clusterTimeout(), this::expire);
        settings.stop().requested().whenRequested(() -> alarms.after(settings.stop().grace(), this::expire));
        journal.enter(ClusterPhase.CONNECT);
        progress.clusterStarted(name());
        return true;
    }

    /** An alarm fired: the work is cut short and the report made from what the journal holds now. */
    private synchronized void expire() {
        if (report.isDone()) {
            return;
        }
        var why = Expiry.of(settings.stop().requested().requested());
        // Interrupts the cluster's requests and waits, the rate cap's included.
        worker.interrupt();
        settle(PartWayReport.of(name(), journal, settings.apply(), why.message(settings.clusterTimeout()), elapsed()));
    }

    /** The first report wins: progress hears of it once, the slot goes to the next cluster, the run gets it. */
    private synchronized void settle(ClusterReport result) {
        if (report.isDone()) {
            return;
        }
        worker = null;
        if (holdsSlot) {
            holdsSlot = false;
            slots.release();
        }
        progress.clusterFinished(result);
        report.complete(result);
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
