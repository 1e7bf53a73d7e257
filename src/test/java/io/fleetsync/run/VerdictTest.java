package io.fleetsync.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsync.diff.Action;
import io.fleetsync.diff.Change;
import io.fleetsync.plan.ClusterPhase;
import io.fleetsync.plan.ClusterPlan;
import io.fleetsync.report.ClusterReport;
import io.fleetsync.report.RunReport;
import io.fleetsync.resource.ResourceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerdictTest {
    private static final ResourceKey CM = new ResourceKey("", "ConfigMap", "web", "settings");

    private static ClusterReport ok(String name, Action action) {
        return new ClusterReport(name, ClusterReport.Status.OK,
                new ClusterPlan(name, List.of(Change.of(CM, "base", action)), List.of()), List.of(), null, null,
                Duration.ofMillis(5));
    }

    private static RunReport run(ClusterReport... clusters) {
        return new RunReport(RunReport.Kind.PLAN, false, Instant.EPOCH, Duration.ofSeconds(1), List.of(clusters));
    }

    private static final ReconcileRequest PLAN = Requests.of(Mode.PLAN, Set.of());
    private static final ReconcileRequest DETAILED = Requests.of(Mode.PLAN, Set.of(ReconcileFlag.DETAILED_EXIT_CODE));
    private static final ReconcileRequest APPLY = Requests.of(Mode.APPLY, Set.of(ReconcileFlag.DETAILED_EXIT_CODE));

    @Test
    void aPlanWithChangesIsOkUnlessTheDetailedExitCodeIsAsked() {
        var changes = run(ok("prod-eu", Action.UNCHANGED), ok("prod-us", Action.UPDATE));
        var none = run(ok("prod-eu", Action.UNCHANGED));

        assertThat(Verdict.of(changes, PLAN, false)).isEqualTo(Verdict.OK);
        assertThat(Verdict.of(changes, DETAILED, false)).isEqualTo(Verdict.CHANGES);
        assertThat(Verdict.of(none, DETAILED, false)).isEqualTo(Verdict.OK);
    }

    @Test
    void changesAreNeverTheVerdictOfAnApply() {
        assertThat(Verdict.of(run(ok("prod-eu", Action.CREATE)), APPLY, false)).isEqualTo(Verdict.OK);
    }

    @Test
    void anyClusterNotOkFailsTheRunAndOutranksChanges() {
        var partial = new ClusterReport("prod-us", ClusterReport.Status.PARTIAL,
                new ClusterPlan("prod-us", List.of(Change.of(CM, "base", Action.UPDATE)), List.of()), List.of(),
                "1 object failed", ClusterPhase.APPLY, Duration.ofMillis(5));
        var failed = ClusterReport.failedBeforePlan("dev-eu", "connection refused", ClusterPhase.CONNECT,
                Duration.ofMillis(5));

        assertThat(Verdict.of(run(ok("prod-eu", Action.UPDATE), partial), DETAILED, false)).isEqualTo(Verdict.FAILED);
        assertThat(Verdict.of(run(ok("prod-eu", Action.UNCHANGED), failed), PLAN, false)).isEqualTo(Verdict.FAILED);
    }

    @Test
    void aStopOutranksEverything() {
        var failed = ClusterReport.notStarted("dev-eu", "not started: the run was interrupted");

        assertThat(Verdict.of(run(ok("prod-eu", Action.UPDATE), failed), DETAILED, true))
                .isEqualTo(Verdict.INTERRUPTED);
        assertThat(Verdict.of(run(ok("prod-eu", Action.UNCHANGED)), APPLY, true)).isEqualTo(Verdict.INTERRUPTED);
    }

    private static ClusterReport read(String name, Action action, io.fleetsync.health.Health health) {
        var r = ok(name, action);
        return new ClusterReport(r.cluster(), r.status(), r.plan(), r.outcomes(), null, null, r.duration(),
                io.fleetsync.health.HealthWaitResult.read(List.of(
                        new io.fleetsync.health.ObjectHealth(CM, "base", health, false))));
    }

    @Test
    void aStatusIsOkOnlyWhenAllCurrentAndNoDriftAndUnhealthyOutranksDrift() {
        var status = Requests.of(Mode.STATUS, Set.of());
        var current = io.fleetsync.health.Health.current(io.fleetsync.health.HealthReason.DATA_KIND, "written");
        var failed = io.fleetsync.health.Health.failed(io.fleetsync.health.HealthReason.PROGRESS_DEADLINE_EXCEEDED,
                "timed out");

        assertThat(Verdict.of(run(read("prod-eu", Action.UNCHANGED, current)), status, false)).isEqualTo(Verdict.OK);
        assertThat(Verdict.of(run(read("prod-eu", Action.UPDATE, current)), status, false))
                .as("drift without --detailed-exitcode").isEqualTo(Verdict.CHANGES);
        assertThat(Verdict.of(run(read("prod-eu", Action.UPDATE, failed)), status, false))
                .isEqualTo(Verdict.UNHEALTHY);
        assertThat(Verdict.of(run(read("prod-eu", Action.UNCHANGED, failed), ClusterReport.failedBeforePlan("dev",
                "connection refused", ClusterPhase.CONNECT, Duration.ZERO)), status, false))
                .as("a cluster that could not be read outranks health").isEqualTo(Verdict.FAILED);
        // The same unhealthy report is no verdict of its own for a plan.
        assertThat(Verdict.of(run(read("prod-eu", Action.UNCHANGED, failed)), PLAN, false)).isEqualTo(Verdict.OK);
    }
}
