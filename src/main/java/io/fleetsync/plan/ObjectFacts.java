package io.fleetsync.plan;

import io.fleetsync.cluster.ApiResource;
import io.fleetsync.manifest.DesiredObject;
import java.util.Map;

/**
 * What one object's decision starts from.
 *
 * @param applyBody the manifest as fleetsync applies it (with the ApplySet member label)
 * @param live the object as listed or read, with its managedFields; null when it does not exist
 * @param ownership who owns {@code live}; ignored when there is none
 */
record ObjectFacts(DesiredObject desired, ApiResource resource, Map<String, Object> applyBody,
                   Map<String, Object> live, Ownership ownership) {

    /** The path the object is applied at. */
    String path() {
        return resource.objectPath(desired.key().namespace(), desired.key().name());
    }

    /** Whether {@code live} was read in another version than the manifest's (then it is read again to compare). */
    boolean liveInOtherVersion() {
        return live != null && !desired.apiVersion().equals(live.get("apiVersion"));
    }
}
