package io.fleetsync.rollout;

import io.fleetsync.fleet.Wave;
import java.util.List;

/**
 * A wave with the clusters it got, in fleet-file order.
 *
 * @param implicit the last wave fleetsync adds for clusters no listed wave selected
 */
public record AssignedWave(Wave wave, boolean implicit, List<String> clusters) {
    public AssignedWave {
        clusters = List.copyOf(clusters);
    }

    public String name() {
        return wave.name();
    }
}
