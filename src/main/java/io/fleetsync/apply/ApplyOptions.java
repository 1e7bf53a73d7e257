package io.fleetsync.apply;

import java.time.Duration;

/**
 * How apply writes.
 *
 * @param dryRun send every write as a server-side dry run
 * @param forceReplace delete and recreate objects whose immutable fields changed
 * @param waitTimeout how long to wait for a CRD to be Established or a replaced object to be gone
 */
public record ApplyOptions(boolean dryRun, boolean forceReplace, Duration waitTimeout) {
    public static ApplyOptions defaults() {
        return new ApplyOptions(false, false, Duration.ofSeconds(60));
    }
}
