package io.fleetsync.cluster;

/** Whether the run has been asked to stop (a signal or the run's deadline); polled by waits and between requests. */
@FunctionalInterface
public interface Stopping {

    /** A run that is never asked to stop. */
    Stopping NEVER = () -> false;

    boolean requested();
}
