package io.fleetsync.manifest;

import io.fleetsync.resource.ResourceKey;

/**
 * An object a source rendered that fleetsync deliberately does not apply, so plans and results can show it.
 *
 * @param key identity as it would have been applied (namespace defaulted from the target)
 * @param target the target whose source rendered it
 * @param hook the value of its {@code helm.sh/hook} annotation, e.g. {@code pre-install,pre-upgrade}
 * @param reason why it is not applied
 * @param source where it was rendered
 */
public record SkippedObject(ResourceKey key, String target, String hook, Reason reason, SourceLocation source) {

    /** Why a rendered object is left out; the report renderers turn it into words. */
    public enum Reason {
        /** A Helm hook: fleetsync runs no hook phases (docs/fleet-file.md says why). */
        HELM_HOOK;

        /** The stable code in the JSON report. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
