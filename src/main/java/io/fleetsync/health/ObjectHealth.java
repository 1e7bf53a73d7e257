package io.fleetsync.health;

import io.fleetsync.resource.ResourceKey;

/**
 * One waited object's last known health.
 *
 * @param timedOut the wait for it ended at its timeout before it was Current or Failed
 */
public record ObjectHealth(ResourceKey key, String target, Health health, boolean timedOut) {

    public ObjectHealth(AppliedObject object, Health health) {
        this(object.key(), object.target(), health, false);
    }

    /** Whether this object makes its cluster fail: Failed, or not Current when its wait ended. */
    public boolean breaks() {
        return health.status() == HealthStatus.FAILED || timedOut;
    }

    public ObjectHealth timedOutNow() {
        return new ObjectHealth(key, target, health, true);
    }
}
