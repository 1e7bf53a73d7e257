package io.fleetsync.cli;

import io.fleetsync.manifest.DesiredFleet;
import java.io.PrintStream;

/** Warns, before any cluster is contacted, about clusters whose API server's identity is not checked. */
final class InsecureWarnings {
    private InsecureWarnings() {
    }

    static void print(DesiredFleet fleet, PrintStream err) {
        for (var c : fleet.clusters()) {
            if (c.cluster().connection().insecureSkipTlsVerify()) {
                err.println("WARNING: cluster " + c.cluster().name()
                        + " has insecureSkipTlsVerify: true; its API server's identity is not verified");
            }
        }
    }
}
