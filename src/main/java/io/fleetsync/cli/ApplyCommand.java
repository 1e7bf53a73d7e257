package io.fleetsync.cli;

import io.fleetsync.run.Mode;
import io.fleetsync.run.ReconcileFlag;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Plans and then makes the changes on every cluster. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Make every cluster match the fleet: create, update, replace, prune.")
public class ApplyCommand implements Callable<Integer> {
    @Mixin
    RunMixin options;

    @Mixin
    OperationsOptions operations;

    @Option(names = "--dry-run", description = "Send every write as a server-side dry run only.")
    boolean dryRun;

    @Option(names = "--force-replace",
            description = "Delete and recreate objects whose immutable fields changed.")
    boolean forceReplace;

    @Option(names = "--wait-for-deletion",
            description = "When an object or its namespace is being deleted, wait until the deletion completes "
                    + "(within --cluster-timeout), then create it. Without it such objects fail at once.")
    boolean waitForDeletion;

    @Inject
    Reconcile reconcile;

    @Override
    public Integer call() {
        var flags = EnumSet.noneOf(ReconcileFlag.class);
        if (dryRun) {
            flags.add(ReconcileFlag.DRY_RUN);
        }
        if (forceReplace) {
            flags.add(ReconcileFlag.FORCE_REPLACE);
        }
        if (waitForDeletion) {
            flags.add(ReconcileFlag.WAIT_FOR_DELETION);
        }
        return reconcile.run(options, operations, Mode.APPLY, flags, System.out, System.err);
    }
}
