package io.fleetsync.fleet;

/**
 * A part of a group of clusters as the fleet file writes it: a number ({@code 3}) or a percentage ({@code 25%}).
 * How a percentage becomes a number of clusters (rounded up or down) is the decision of whoever uses it.
 */
public sealed interface Share {

    /** A fixed number of clusters. */
    record Absolute(int count) implements Share {
        @Override
        public String toString() {
            return Integer.toString(count);
        }
    }

    /** A percentage (0–100) of some group of clusters. */
    record Percent(int percent) implements Share {
        @Override
        public String toString() {
            return percent + "%";
        }
    }
}
