package io.fleetsync.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** Prints fleetsync's version. */
@Command(name = "version", description = "Print fleetsync's version.")
public class VersionCommand implements Runnable {
    static final String VERSION = "0.1.0";

    @Override
    public void run() {
        System.out.println("fleetsync " + VERSION);
    }

    /** Feeds {@code --version}. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fleetsync " + VERSION};
        }
    }
}
