package io.fleetsync.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** Root command. */
@TopCommand
@Command(name = "fleetsync", mixinStandardHelpOptions = true, subcommands = {VersionCommand.class})
public class FleetsyncCommand {
}
