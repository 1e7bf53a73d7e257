package io.fleetsync.health;

import io.fleetsync.resource.ResourceKey;

/**
 * One object an apply wrote, as the apply answered it.
 *
 * @param path the object's REST path, where its health is read
 * @param target the fleet-file target that placed it (its wait timeout applies)
 * @param generation metadata.generation in the apply's answer: health counts only once the controllers observed it
 *     (0 when the answer had none)
 */
public record AppliedObject(ResourceKey key, String path, String target, long generation) {
}
