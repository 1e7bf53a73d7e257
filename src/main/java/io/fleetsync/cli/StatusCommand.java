package io.fleetsync.cli;

import io.fleetsync.run.Mode;
import io.fleetsync.run.ReconcileFlag;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The fleet's health and drift: a plan plus every owned object's health; never writes. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show every owned object's health and what a plan would change, on every cluster (read-only).",
                "Exit codes: 0 all Current and no drift, 2 drift only, 3 an owned object is not Current, "
                        + "1 a cluster could not be read fully, 64 invalid input, 130 interrupted."})
public class StatusCommand implements Callable<Integer> {
    @Mixin
    RunMixin options;

    @Mixin
    OperationsOptions operations;

    @Inject
    Reconcile reconcile;

    @Override
    public Integer call() {
        return reconcile.run(options, operations, Mode.STATUS, EnumSet.noneOf(ReconcileFlag.class), System.out,
                System.err);
    }
}
