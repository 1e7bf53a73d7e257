package io.fleetsync.fleet;

/** How a wave chooses its clusters among those no earlier wave placed. */
public sealed interface WavePick {

    /** By name and/or labels, with a target's selector syntax. */
    record Selected(ClusterSelector selector) implements WavePick {
    }

    /** A number or percentage of the clusters not yet placed, in fleet-file order. */
    record Take(Share share) implements WavePick {
    }

    /** Every cluster not yet placed: the implicit last wave. */
    record Rest() implements WavePick {
    }
}
