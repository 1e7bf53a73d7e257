package io.fleetsync.manifest;

import io.fleetsync.resource.ResourceKey;
import java.util.Map;

/**
 * One rendered manifest for one cluster.
 *
 * @param key identity; the namespace is already defaulted from the target where the object is namespaced
 * @param target the target that renders it
 * @param body the full object as plain JSON values (maps, lists, strings, numbers, booleans), with
 *     metadata.namespace set; never mutated after loading
 * @param source where the document starts
 */
public record DesiredObject(ResourceKey key, String target, String apiVersion, Map<String, Object> body, SourceLocation source) {
}
