package io.fleetsync.cli;

import io.fleetsync.input.InputException;
import io.fleetsync.run.FleetInputs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Loads, renders and validates everything offline; contacts no cluster. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the fleet file and manifests offline; contacts no cluster.")
public class ValidateCommand implements Callable<Integer> {
    @Mixin
    InputOptions input;

    @picocli.CommandLine.Option(names = "--no-color", description = "Accepted for symmetry with plan and apply; "
            + "validate never colours its output.")
    boolean noColor;

    @Override
    public Integer call() {
        try {
            var fleet = FleetInputs.forCurrentUser().load(input.fleetInput());
            InsecureWarnings.print(fleet, System.err);
            long objects = fleet.clusters().stream().flatMap(c -> c.targets().stream())
                    .mapToLong(t -> t.objects().size()).sum();
            System.out.printf("valid: %d clusters, %d targets, %d objects rendered%n", fleet.clusters().size(),
                    fleet.fleet().targets().size(), objects);
            io.fleetsync.manifest.SourceCounts.of(fleet).forEach(line -> System.out.println("  " + line));
            return ExitCodes.OK;
        } catch (InputException e) {
            System.err.println(e.getMessage());
            return ExitCodes.INVALID;
        }
    }
}
