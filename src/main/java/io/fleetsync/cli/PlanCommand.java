package io.fleetsync.cli;

import io.fleetsync.run.Mode;
import io.fleetsync.run.ReconcileFlag;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shows, per cluster and object, what apply would do; never writes. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show what apply would change on every cluster (read-only).")
public class PlanCommand implements Callable<Integer> {
    @Mixin
    RunMixin options;

    @Mixin
    OperationsOptions operations;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when the plan has changes.")
    boolean detailedExitCode;

    @Inject
    Reconcile reconcile;

    @Override
    public Integer call() {
        var flags = EnumSet.noneOf(ReconcileFlag.class);
        if (detailedExitCode) {
            flags.add(ReconcileFlag.DETAILED_EXIT_CODE);
        }
        return reconcile.run(options, operations, Mode.PLAN, flags, System.out, System.err);
    }
}
