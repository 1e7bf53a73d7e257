package io.fleetsync.cli;

import jakarta.inject.Inject;
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
        return reconcile.run(options, operations, new Reconcile.Request(false, false, false, detailedExitCode), System.out,
                System.err);
    }
}
