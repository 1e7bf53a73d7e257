package io.fleetsync.testing;

import java.io.IOException;

/**
 * Starts a process, retrying the one error that is a race and not a fault: "Text file busy" (ETXTBSY). Clusters
 * start in parallel, and each writes its launcher scripts ({@link LoopbackBinaries}) while another thread spawns:
 * a child forked in that instant inherits the open write handle until it closes its descriptors, and exec of that
 * launcher fails meanwhile. The window is microseconds, so a short retry ends it.
 */
final class Spawn {
    private static final int ATTEMPTS = 5;

    private Spawn() {
    }

    static Process start(ProcessBuilder builder) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return builder.start();
            } catch (IOException e) {
                if (attempt == ATTEMPTS || e.getMessage() == null || !e.getMessage().contains("Text file busy")) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
