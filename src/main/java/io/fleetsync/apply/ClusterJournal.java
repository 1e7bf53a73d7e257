package io.fleetsync.apply;

import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.plan.ClusterPhase;
import io.fleetsync.plan.ClusterPlan;
import io.fleetsync.plan.ClusterWork;
import io.fleetsync.plan.PlanProblem;
import io.fleetsync.result.RestartResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What one cluster's pipeline has done so far: the phase it is in, its plan once made, and every outcome with the
 * phase it happened in. It outlives a failure or a deadline part-way through, so the report can still say what
 * was done, what failed first and where, and what was never attempted. Written by the cluster's threads, read by
 * the runner when the deadline passes: thread-safe.
 */
public final class ClusterJournal {
    private record Entry(ClusterPhase phase, ObjectOutcome outcome) {
    }

    private final Consumer<ClusterPhase> onEnter;
    private final List<Entry> entries = new ArrayList<>();
    private final List<PlanProblem> problems = new ArrayList<>();
    private final List<RestartResult> restarts = new ArrayList<>();
    private volatile ClusterPhase phase = ClusterPhase.CONNECT;
    // Only the plan, not the ClusterWork: the journal lives as long as the run (the runner keeps every cluster's),
    // and the work's planned objects (bodies, live objects) and discovery would keep every finished cluster's state
    // in memory — at 1000 clusters most of the heap (docs/benchmarks.md).
    private volatile ClusterPlan plan;
    private final List<io.fleetsync.health.AppliedObject> applied = new ArrayList<>();

    public ClusterJournal(Consumer<ClusterPhase> onEnter) {
        this.onEnter = onEnter;
    }

    public void enter(ClusterPhase next) {
        phase = next;
        onEnter.accept(next);
    }

    public ClusterPhase phase() {
        return phase;
    }

    public void planned(ClusterWork planned) {
        plan = planned.plan();
    }

    /** The cluster's plan, or null while it is still being made. */
    public ClusterPlan plan() {
        return plan;
    }

    /** Records one outcome of the current phase and returns it. */
    public ObjectOutcome record(ObjectOutcome outcome) {
        record(phase, List.of(outcome));
        return outcome;
    }

    /** Records outcomes of the current phase. */
    public void record(List<ObjectOutcome> outcomes) {
        record(phase, outcomes);
    }

    public synchronized void record(ClusterPhase in, List<ObjectOutcome> outcomes) {
        outcomes.forEach(o -> entries.add(new Entry(in, o)));
    }

    /** Records what could not be planned, each in the phase it happened in; counted as failed outcomes. */
    public synchronized void problems(List<PlanProblem> found) {
        for (var p : found) {
            problems.add(p);
            entries.add(new Entry(p.phase(), p.counted()));
        }
    }

    /** Records rollout restarts of the current phase; returns them as the outcomes they count as. */
    public synchronized List<ObjectOutcome> restarted(List<RestartResult> results) {
        restarts.addAll(results);
        var counted = results.stream().map(RestartResult::outcome).toList();
        record(phase, counted);
        return counted;
    }

    /** What could not be planned, in the order recorded. */
    public synchronized List<PlanProblem> problems() {
        return List.copyOf(problems);
    }

    /** The rollout restarts, in the order recorded. */
    public synchronized List<RestartResult> restarts() {
        return List.copyOf(restarts);
    }

    public synchronized List<ObjectOutcome> outcomes() {
        return entries.stream().map(Entry::outcome).toList();
    }

    /**
     * The phase of the first outcome that was not done — failed, or skipped for a reason other than needing
     * {@code --adopt} or held back by a guard, which are plan decisions, not failures.
     */
    public synchronized Optional<ClusterPhase> firstFailure() {
        return entries.stream().filter(e -> e.outcome().status() == ObjectOutcome.Status.FAILED
                        || (e.outcome().status() == ObjectOutcome.Status.SKIPPED
                        && e.outcome().change().action() != io.fleetsync.diff.Action.ADOPT_NEEDED
                        && !e.outcome().isHeldBack()))
                .map(Entry::phase).findFirst();
    }

    /** Records an object this apply wrote, with the generation its answer carried ({@code apply --wait}). */
    public synchronized void applied(io.fleetsync.health.AppliedObject object) {
        applied.add(object);
    }

    /** Every object this apply wrote, in the order written. */
    public synchronized List<io.fleetsync.health.AppliedObject> appliedObjects() {
        return List.copyOf(applied);
    }
}
