package io.fleetsync.run;

/** What a run does with its plan: only show it, or make the changes. */
public enum Mode {
    PLAN,
    APPLY
}
