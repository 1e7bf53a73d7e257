package io.fleetsync.manifest;

import io.fleetsync.fleet.Target;
import java.util.List;

/** What one target renders for one cluster. */
public record TargetState(Target target, List<DesiredObject> objects) {
    public TargetState {
        objects = List.copyOf(objects);
    }
}
