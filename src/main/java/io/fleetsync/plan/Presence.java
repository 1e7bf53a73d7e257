package io.fleetsync.plan;

import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ApiResource;
import io.fleetsync.cluster.Fanout;
import io.fleetsync.resource.ResourceKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Which desired objects that no target of this cluster owns exist at all, found from metadata-only lists rather
 * than one GET each: a new object is usually absent, and 2,000 new ConfigMaps would otherwise cost 2,000 requests
 * before anything is written. Only objects that do exist (not ours: needed for adoption or to say who owns them)
 * are fetched in full, by the planner.
 *
 * <p>The rule, per (kind, namespace): up to {@link #GET_AT_MOST} objects to look up are fetched one GET each, since
 * one list of a namespace that holds many other objects would cost more (and pages of 500); more than that, one
 * paginated metadata-only list. A list that fails leaves its objects unknown, and they are fetched one by one.
 */
final class Presence {
    private static final Logger LOG = Logger.getLogger(Presence.class);
    /** Below this many lookups in one (kind, namespace), GETs are cheaper than a list of unknown size. */
    static final int GET_AT_MOST = 3;

    /** One desired object to look up, at the endpoint its manifest uses. */
    record Lookup(ResourceKey key, ApiResource resource) {
    }

    private record Scope(ApiResource resource, String namespace) {
    }

    private final Set<ResourceKey> known;
    private final Set<ResourceKey> existing;

    private Presence(Set<ResourceKey> known, Set<ResourceKey> existing) {
        this.known = known;
        this.existing = existing;
    }

    /** Whether the lists showed this object does not exist: no GET needed, it is created. */
    boolean absent(ResourceKey key) {
        return known.contains(key) && !existing.contains(key);
    }

    /** Scopes with enough lookups to be worth a list: the pure part of the rule, testable from values. */
    static List<List<Lookup>> toList(List<Lookup> lookups) {
        var byScope = new LinkedHashMap<Scope, List<Lookup>>();
        for (var l : lookups) {
            byScope.computeIfAbsent(new Scope(l.resource(), l.key().namespace()), s -> new ArrayList<>()).add(l);
        }
        return byScope.values().stream().filter(g -> g.size() > GET_AT_MOST).toList();
    }

    @SuppressWarnings("unchecked")
    static Presence find(List<Lookup> lookups, ObjectStore api, Fanout fanout) {
        var groups = toList(lookups);
        var found = fanout.map(groups, group -> {
            var first = group.get(0);
            try {
                var names = new HashSet<String>();
                for (var item : api.listMetadata(first.resource().collectionPath(first.key().namespace()))) {
                    var meta = (Map<String, Object>) item.getOrDefault("metadata", Map.of());
                    names.add((String) meta.get("name"));
                }
                return names;
            } catch (ApiException e) {
                // Not fatal: these objects are then looked up one GET each, as before.
                LOG.debugf("metadata list of %s in %s failed, falling back to GETs: %s", first.resource().kind(),
                        first.key().namespace(), e.getMessage());
                return null;
            }
        });
        var known = new HashSet<ResourceKey>();
        var existing = new HashSet<ResourceKey>();
        for (int i = 0; i < groups.size(); i++) {
            var names = found.get(i);
            if (names == null) {
                continue;
            }
            for (var l : groups.get(i)) {
                known.add(l.key());
                if (names.contains(l.key().name())) {
                    existing.add(l.key());
                }
            }
        }
        return new Presence(known, existing);
    }
}
