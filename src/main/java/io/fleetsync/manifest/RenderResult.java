package io.fleetsync.manifest;

/** What one renderer run gave: its stdout, or why there is none. */
sealed interface RenderResult {

    /** The renderer exited 0; stderr is dropped, it is not part of the desired state. */
    record Output(String stdout) implements RenderResult {
    }

    /** @param detail the renderer's own words (its stderr, tail-trimmed) or the reason it could not run */
    record Failure(Reason reason, String detail) implements RenderResult {
    }

    enum Reason {
        /** The program could not be started. */
        NOT_STARTED,
        /** It exited with a non-zero status. */
        EXIT_STATUS,
        /** It ran longer than the render timeout and was killed. */
        TIMED_OUT
    }
}
