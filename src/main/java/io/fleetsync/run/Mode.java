package io.fleetsync.run;

/** What a run does with its plan: only show it, make the changes, or show it with the owned objects' health. */
public enum Mode {
    PLAN,
    APPLY,
    /** {@code fleetsync status}: a plan plus the health of every owned object, read from the plan's own lists. */
    STATUS
}
