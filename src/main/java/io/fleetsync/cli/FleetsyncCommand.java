package io.fleetsync.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** Root command: keeps many Kubernetes clusters in their desired state. */
@TopCommand
@Command(name = "fleetsync", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Keep many Kubernetes clusters in their desired state.",
        subcommands = {PlanCommand.class, ApplyCommand.class, StatusCommand.class, ValidateCommand.class, VersionCommand.class})
public class FleetsyncCommand {
}
