package io.fleetsync.manifest;

import io.fleetsync.fleet.Target;
import io.fleetsync.resource.Departure;

/**
 * A target of the fleet file that does not place anything on this cluster, so whatever its ApplySet still owns
 * here is planned for deletion.
 */
public record DepartedTarget(Target target, Departure reason) {
}
