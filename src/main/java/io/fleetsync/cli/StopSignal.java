package io.fleetsync.cli;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM (Ctrl-C, a CronJob pod being evicted) ask the run to stop: no new request or write starts,
 * in-flight requests get a short grace period, and the report still says what was and was not applied. A second
 * signal stops at once.
 */
@ApplicationScoped
public class StopSignal {
    /** How long in-flight work may take after the first signal. */
    public static final Duration GRACE = Duration.ofSeconds(10);

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicInteger received = new AtomicInteger();

    public boolean requested() {
        return requested.get();
    }

    public void request() {
        requested.set(true);
    }

    /** Takes over SIGINT and SIGTERM for the rest of the process. */
    public void install(PrintStream err) {
        for (var name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (received.incrementAndGet() > 1) {
                        err.println("fleetsync: second SIG" + signal.getName() + ": stopping now");
                        Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                    }
                    request();
                    err.println("fleetsync: SIG" + signal.getName() + " received: no new changes start; in-flight "
                            + "requests get " + GRACE.toSeconds() + "s (signal again to stop at once)");
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // The platform does not let us handle this signal; the default behaviour stays.
            }
        }
    }
}
