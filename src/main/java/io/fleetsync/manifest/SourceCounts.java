package io.fleetsync.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per target, how many objects each source produced, for {@code fleetsync validate}: a file or a renderer with its
 * rendered inputs ({@code kustomize:overlays/prod}), its objects summed over the clusters it rendered for.
 */
public final class SourceCounts {
    private SourceCounts() {
    }

    /** Lines like {@code web: kustomize:overlays/prod: 6 objects on 2 clusters}, in load order. */
    public static List<String> of(DesiredFleet fleet) {
        var counts = new LinkedHashMap<String, Map<String, long[]>>();
        var clusters = new LinkedHashMap<String, Map<String, Set<String>>>();
        for (var cluster : fleet.clusters()) {
            for (var target : cluster.targets()) {
                var perSource = counts.computeIfAbsent(target.target().name(), t -> new LinkedHashMap<>());
                var seenOn = clusters.computeIfAbsent(target.target().name(), t -> new LinkedHashMap<>());
                for (var object : target.objects()) {
                    var origin = object.source().origin();
                    perSource.computeIfAbsent(origin, o -> new long[1])[0]++;
                    seenOn.computeIfAbsent(origin, o -> new HashSet<>()).add(cluster.cluster().name());
                }
            }
        }
        var lines = new ArrayList<String>();
        counts.forEach((target, perSource) -> perSource.forEach((origin, count) -> {
            int on = clusters.get(target).get(origin).size();
            lines.add(target + ": " + origin + ": " + count[0] + (count[0] == 1 ? " object" : " objects") + " on "
                    + on + (on == 1 ? " cluster" : " clusters"));
        }));
        return lines;
    }
}
