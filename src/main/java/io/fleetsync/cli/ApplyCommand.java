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

    @Option(names = "--wait",
            description = "After each cluster's apply, wait until every object it changed is Current (kstatus "
                    + "health), one is Failed, or --wait-timeout passes; a Failed or timed-out object fails the "
                    + "cluster (exit 1).")
    boolean await;

    @Option(names = "--wait-timeout", defaultValue = "5m", paramLabel = "DURATION",
            converter = RunMixin.DurationConverter.class,
            description = "How long --wait waits for an object (default: ${DEFAULT-VALUE}); a target's waitTimeout "
                    + "in the fleet file wins. Adds to --cluster-timeout.")
    java.time.Duration waitTimeout;

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
        if (await) {
            flags.add(ReconcileFlag.WAIT_FOR_HEALTH);
        }
        return reconcile.run(options, operations, Mode.APPLY, flags, waitTimeout, System.out, System.err);
    }
}
