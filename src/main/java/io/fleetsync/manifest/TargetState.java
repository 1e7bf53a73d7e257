package io.fleetsync.manifest;

import io.fleetsync.fleet.Target;
import java.util.List;

/**
 * What one target renders for one cluster.
 *
 * @param skipped rendered objects that are deliberately not applied (Helm hooks), shown in plans and results
 */
public record TargetState(Target target, List<DesiredObject> objects, List<SkippedObject> skipped) {
    public TargetState {
        objects = List.copyOf(objects);
        skipped = List.copyOf(skipped);
    }

    public TargetState(Target target, List<DesiredObject> objects) {
        this(target, objects, List.of());
    }
}
