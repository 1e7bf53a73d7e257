package io.fleetsync.cli;

import picocli.CommandLine.Command;

/** Prints fleetsync's version. */
@Command(name = "version", description = "Print fleetsync's version.")
public class VersionCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("fleetsync 0.1.0");
    }
}
