package io.fleetsync.report.json;

import io.fleetsync.result.ObjectOutcome;
import io.fleetsync.diff.Change;
import io.fleetsync.report.HoldBackText;
import io.fleetsync.report.ReasonText;
import io.fleetsync.report.ClusterReport;
import io.fleetsync.report.ClusterTally;
import io.fleetsync.report.OutcomeIndex;
import io.fleetsync.report.RunReport;
import io.fleetsync.report.RolloutText;
import io.fleetsync.report.RunTally;
import io.fleetsync.rollout.FailureBudget;
import io.fleetsync.rollout.GateDecision;
import io.fleetsync.rollout.WaveOutcome;
import io.fleetsync.report.SkippedLine;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Maps the report model onto the JSON documents, so the model stays free of serialisation concerns. */
public final class ReportDocuments {

    private ReportDocuments() {
    }

    /** The document for a run; diffs are included only when {@code diffs} is true. */
    public static ReportDocument of(RunReport report, boolean diffs) {
        var tally = RunTally.of(report);
        var o = tally.objects();
        var summary = new RunSummary(o.create(), o.update(), o.replace(), o.delete(), o.adoptNeeded(), o.unchanged(),
                o.errors(), new ClusterCounts(tally.clusters(), tally.ok(), tally.partial(), tally.failed(),
                        tally.heldBack()));
        var kind = switch (report.kind()) {
            case PLAN -> "Plan";
            case RESULT -> "Result";
            case STATUS -> "Status";
        };
        var clusters = report.clusters().stream().map(c -> cluster(report, c, diffs)).toList();
        return new ReportDocument(ReportDocument.API_VERSION, kind, report.dryRun(),
                report.startedAt() == null ? null : report.startedAt().toString(), millis(report.duration()),
                summary, rollout(report), clusters);
    }

    private static ClusterDocument cluster(RunReport report, ClusterReport cluster, boolean diffs) {
        var t = ClusterTally.of(cluster);
        var counts = new ObjectCounts(t.create(), t.update(), t.replace(), t.delete(), t.adoptNeeded(), t.unchanged(),
                t.errors());
        var plan = cluster.plan();
        List<WarningDocument> warnings = plan == null ? List.of() : plan.warnings().stream()
                .map(w -> new WarningDocument(w.code().label(), ReasonText.warning(w))).toList();
        List<OrphanDocument> orphans = plan == null ? List.of() : plan.orphans().stream()
                .map(o -> new OrphanDocument(o.target(), o.parent(), o.handling().code())).toList();
        List<SkippedDocument> skipped = plan == null ? List.of() : plan.skipped().stream().map(s -> {
            var key = s.key();
            return new SkippedDocument(key.group(), key.kind(), key.namespace(), key.name(), key.subject(), s.target(),
                    s.hook(), s.reason().code(), SkippedLine.reason(s.reason()));
        }).toList();
        var outcomes = report.kind() == RunReport.Kind.RESULT ? new OutcomeIndex(cluster) : null;
        List<ChangeDocument> changes = plan == null ? List.of()
                : plan.changes().stream().map(ch -> change(outcomes, ch, diffs)).toList();
        return new ClusterDocument(cluster.cluster(), RolloutText.code(cluster.status()),
                cluster.phase() == null ? null : cluster.phase().label(), cluster.error(), millis(cluster.duration()),
                warnings.stream().map(WarningDocument::message).toList(), warnings, orphans, skipped, counts, changes,
                health(cluster.health()));
    }

    private static HealthDocument health(io.fleetsync.health.HealthWaitResult result) {
        if (result == null) {
            return null;
        }
        var objects = result.objects().stream().map(o -> new HealthDocument.ObjectHealthDocument(o.key().group(),
                o.key().kind(), o.key().namespace(), o.key().name(),
                o.key().subject(), o.target(), io.fleetsync.report.HealthText.status(o.health().status()),
                io.fleetsync.report.HealthText.reason(o.health().reason()), o.health().message(), o.timedOut()))
                .toList();
        return new HealthDocument(io.fleetsync.report.HealthText.end(result.end()), result.waited().toMillis(),
                objects);
    }

    private static RolloutDocument rollout(RunReport report) {
        if (report.rollout() == null) {
            return null;
        }
        return new RolloutDocument(report.rollout().waves().stream().map(ReportDocuments::wave).toList());
    }

    private static WaveDocument wave(WaveOutcome outcome) {
        var w = outcome.wave();
        var spec = w.wave();
        String reason = switch (outcome.decision()) {
            case null -> null;
            case GateDecision.Pass p -> RolloutText.code(p.reason());
            case GateDecision.Halt h -> RolloutText.code(h.reason());
            case GateDecision.KeepSoaking k -> null;
        };
        List<String> haltedBy = outcome.decision() instanceof GateDecision.Halt h ? h.clusters() : List.of();
        return new WaveDocument(w.name(), w.implicit(), w.clusters(), spec.maxInFlight().orElse(null),
                spec.failureBudget().toString(), FailureBudget.allowed(spec.failureBudget(), w.clusters().size()),
                spec.soak().toMillis(), spec.deadline().map(Duration::toMillis).orElse(null),
                RolloutText.code(outcome.state()), reason, RolloutText.state(outcome), haltedBy, outcome.soakChecks(),
                outcome.startedAt() == null ? null : outcome.startedAt().toString(),
                outcome.finishedAt() == null ? null : outcome.finishedAt().toString());
    }

    private static ChangeDocument change(OutcomeIndex outcomes, Change change, boolean diffs) {
        var key = change.key();
        // Null in a Plan, and in a Result for objects apply recorded nothing for.
        var applied = outcomes == null ? java.util.Optional.<ObjectOutcome>empty() : outcomes.of(change);
        var outcome = applied.map(oc -> new OutcomeDocument(oc.status().name().toLowerCase(Locale.ROOT),
                        HoldBackText.outcomeReason(oc, change.withHeldBack(null)),
                        oc.reason() == null ? null : oc.reason().code().label()))
                .orElse(null);
        // A hold-back found only when apply re-checked rides on the outcome's change.
        var held = applied.map(oc -> oc.change()).filter(c -> c.heldBack() != null).orElse(change);
        return new ChangeDocument(key.group(), key.kind(), key.namespace(), key.name(), key.subject(),
                change.target(), change.action().label(), change.changedPaths(), change.conflicts(),
                ReasonText.note(change.note()), change.note() == null ? null : change.note().code().label(),
                change.departure() == null ? null : change.departure().code(), diffs ? change.diff() : null, outcome,
                heldBack(held));
    }

    private static HoldBackDocument heldBack(Change change) {
        var h = change.heldBack();
        return h == null ? null
                : new HoldBackDocument(h.reason().code(), h.count(), h.example(), HoldBackText.describe(change, h));
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
