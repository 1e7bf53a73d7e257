package io.fleetsync.cluster;

/** Called before every request of a cluster: the place for a rate cap or a stop signal. */
@FunctionalInterface
public interface RequestGate {
    RequestGate OPEN = () -> { };

    /** Blocks or throws when the request must wait or must not be sent. */
    void beforeRequest();
}
