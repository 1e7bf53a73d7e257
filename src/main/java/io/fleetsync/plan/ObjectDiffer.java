package io.fleetsync.plan;

import io.fleetsync.resource.ResourceKey;
import java.util.Map;

/** Renders a reviewable, secret-masked diff of one object; either side may be null. */
@FunctionalInterface
public interface ObjectDiffer {
    String diff(ResourceKey key, Map<String, Object> before, Map<String, Object> after);
}
