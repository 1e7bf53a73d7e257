package io.fleetsync.report;

import io.fleetsync.plan.OrphanedSet;

/** The words for an orphaned ApplySet, shared by text and Markdown. */
final class OrphanLine {

    private OrphanLine() {
    }

    static String describe(OrphanedSet orphan) {
        var line = "orphaned ApplySet " + orphan.parent() + ": target " + orphan.target()
                + " is no longer in the fleet file; ";
        return line + switch (orphan.handling()) {
            case KEPT -> "its objects are kept (--prune-orphans deletes them)";
            case PRUNED -> "its objects are deleted (--prune-orphans), then the parent";
        };
    }
}
