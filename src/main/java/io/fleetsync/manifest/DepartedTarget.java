package io.fleetsync.manifest;

import io.fleetsync.fleet.Target;
import io.fleetsync.resource.Departure;

/**
 * A target of the fleet file that does not place anything on this cluster, so whatever its ApplySet still owns
 * here is planned for deletion.
 *
 * @param selectsNoCluster the target's selector picks no cluster of the whole fleet: most likely a typo, so its
 *     objects are only deleted with {@code --allow-empty}, like a target that renders nothing
 */
public record DepartedTarget(Target target, Departure reason, boolean selectsNoCluster) {
}
