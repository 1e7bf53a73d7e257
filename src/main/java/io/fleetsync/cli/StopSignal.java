package io.fleetsync.cli;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/** Set once the process is asked to stop (SIGINT/SIGTERM): no new writes start after that. */
@ApplicationScoped
public class StopSignal {
    private final AtomicBoolean requested = new AtomicBoolean();

    public boolean requested() {
        return requested.get();
    }

    public void request() {
        requested.set(true);
    }
}
