package io.fleetsync.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** Installs fleetsync's exit-code mapping once: usage errors are invalid input (64), never picocli's 2. */
@ApplicationScoped
public class CommandLineSetup {
    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        var cmd = factory.create();
        cmd.setParameterExceptionHandler((ex, args) -> {
            var err = ex.getCommandLine().getErr();
            err.println("fleetsync: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.INVALID;
        });
        cmd.setExecutionExceptionHandler((ex, command, parseResult) -> {
            command.getErr().println("fleetsync: internal error: " + ex);
            return ExitCodes.FAILED;
        });
        return cmd;
    }
}
