package io.fleetsync.plan;

import io.fleetsync.cluster.ApiResource;
import io.fleetsync.resource.ResourceKey;
import java.util.Map;

/** A live object carrying the ApplySet member label of one of this cluster's targets. */
record OwnedObject(ResourceKey key, ApiResource resource, Map<String, Object> live, String setId) {
}
