package io.fleetsync.report;

import io.fleetsync.manifest.SkippedObject;

/** The words for a rendered object apply leaves out, shared by text, Markdown and JSON. */
public final class SkippedLine {

    private SkippedLine() {
    }

    /** Why, e.g. {@code Helm hooks are not run by fleetsync}. */
    public static String reason(SkippedObject.Reason reason) {
        return switch (reason) {
            case HELM_HOOK -> "Helm hooks are not run by fleetsync";
        };
    }

    /** E.g. {@code Job/web/web-migrate (target web, helm.sh/hook: pre-install): skipped: Helm hooks are not ...}. */
    static String describe(SkippedObject skipped) {
        return skipped.key().subject() + " (target " + skipped.target() + ", helm.sh/hook: " + skipped.hook()
                + "): skipped: " + reason(skipped.reason());
    }
}
