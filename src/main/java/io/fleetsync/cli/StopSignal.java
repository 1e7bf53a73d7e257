package io.fleetsync.cli;

import io.fleetsync.run.StopRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

    /** The run a signal stops, and where it says so. */
    private record Armed(StopRequest stop, PrintStream err, AtomicInteger received) {
    }

    private final AtomicReference<Armed> current = new AtomicReference<>();
    // Signal handlers are process-wide and cannot be removed, only replaced: they are installed once, by the first
    // plan or apply (never by validate or --help, whose Ctrl-C keeps the JVM's default), and then route each signal
    // to the run in flight. Between runs (tests run many in one JVM) a signal does what the default would: exit.
    private boolean installed;

    /**
     * A fresh stop request for the run about to start, the one signals now reach until {@link #disarm}; installs
     * the handlers on first use.
     */
    public synchronized StopRequest arm(PrintStream err) {
        if (!installed) {
            install();
            installed = true;
        }
        var stop = new StopRequest();
        current.set(new Armed(stop, err, new AtomicInteger()));
        return stop;
    }

    /** The run is over: signals no longer reach it. */
    public void disarm(StopRequest stop) {
        current.updateAndGet(armed -> armed != null && armed.stop() == stop ? null : armed);
    }

    private void install() {
        for (var name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), this::received);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // The platform does not let us handle this signal; the default behaviour stays.
            }
        }
    }

    private void received(Signal signal) {
        var armed = current.get();
        if (armed == null) {
            Runtime.getRuntime().exit(ExitCodes.INTERRUPTED);
            return;
        }
        if (armed.received().incrementAndGet() > 1) {
            armed.err().println("fleetsync: second SIG" + signal.getName() + ": stopping now");
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
        armed.stop().request();
        armed.err().println("fleetsync: SIG" + signal.getName() + " received: no new changes start; in-flight "
                + "requests get " + GRACE.toSeconds() + "s (signal again to stop at once)");
    }
}
