package io.fleetsync.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per target, how many objects each source produced, for {@code fleetsync validate}: a file or a renderer with its
 * rendered inputs ({@code kustomize:overlays/prod}), its objects summed over the clusters it rendered for, and the
 * Helm hook objects it rendered that are skipped.
 */
public final class SourceCounts {
    private SourceCounts() {
    }

    private static final class Count {
        long objects;
        long skipped;
        final Set<String> clusters = new HashSet<>();
    }

    /** Lines like {@code web: kustomize:overlays/prod: 6 objects on 2 clusters}, in load order. */
    public static List<String> of(DesiredFleet fleet) {
        var counts = new LinkedHashMap<String, Map<String, Count>>();
        for (var cluster : fleet.clusters()) {
            for (var target : cluster.targets()) {
                var perSource = counts.computeIfAbsent(target.target().name(), t -> new LinkedHashMap<>());
                for (var object : target.objects()) {
                    var count = perSource.computeIfAbsent(object.source().origin(), o -> new Count());
                    count.objects++;
                    count.clusters.add(cluster.cluster().name());
                }
                for (var skipped : target.skipped()) {
                    var count = perSource.computeIfAbsent(skipped.source().origin(), o -> new Count());
                    count.skipped++;
                    count.clusters.add(cluster.cluster().name());
                }
            }
        }
        var lines = new ArrayList<String>();
        counts.forEach((target, perSource) -> perSource.forEach((origin, count) -> {
            int on = count.clusters.size();
            lines.add(target + ": " + origin + ": " + count.objects + (count.objects == 1 ? " object" : " objects")
                    + " on " + on + (on == 1 ? " cluster" : " clusters") + (count.skipped == 0 ? ""
                    : " (" + count.skipped + " Helm hook object" + (count.skipped == 1 ? "" : "s")
                    + " skipped)"));
        }));
        return lines;
    }
}
