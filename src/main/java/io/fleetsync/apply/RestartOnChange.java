package io.fleetsync.apply;

import io.fleetsync.resource.ObjectView;
import io.fleetsync.cluster.ObjectStore;
import io.fleetsync.cluster.ApiException;
import io.fleetsync.cluster.ApiResource;
import io.fleetsync.cluster.Fanout;
import io.fleetsync.diff.Action;
import io.fleetsync.plan.PlannedObject;
import io.fleetsync.resource.ResourceKey;
import io.fleetsync.result.RestartResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a ConfigMap or Secret annotated {@code fleetsync.io/restart-on-change: "true"} changed, restarts each
 * Deployment, StatefulSet and DaemonSet of its namespace whose pod template uses it — once, however many of its
 * configs changed — the way {@code kubectl rollout restart} does (a pod-template annotation).
 */
final class RestartOnChange {
    static final String ANNOTATION = "fleetsync.io/restart-on-change";
    static final String RESTARTED_AT = RestartResult.RESTARTED_AT;
    static final String FIELD_MANAGER = "fleetsync-restart";
    private static final List<ApiResource> WORKLOADS = List.of(
            new ApiResource("apps", "v1", "Deployment", "deployments", true),
            new ApiResource("apps", "v1", "StatefulSet", "statefulsets", true),
            new ApiResource("apps", "v1", "DaemonSet", "daemonsets", true));

    private final Fanout fanout;

    RestartOnChange(Fanout fanout) {
        this.fanout = fanout;
    }

    /** @param changed configs whose write succeeded; @param created objects this run created (they start fresh) */
    List<RestartResult> run(List<PlannedObject> changed, Set<ResourceKey> created, ObjectStore api) {
        var triggers = new LinkedHashMap<String, List<ConfigReferences.Ref>>();
        for (var p : changed) {
            var key = p.change().key();
            if (isTrigger(p)) {
                triggers.computeIfAbsent(key.namespace(), n -> new ArrayList<>())
                        .add(new ConfigReferences.Ref(key.kind(), key.name()));
            }
        }
        var outcomes = new ArrayList<RestartResult>();
        var now = Instant.now().toString();
        triggers.forEach((namespace, refs) -> {
            for (var workloadType : WORKLOADS) {
                List<Map<String, Object>> workloads;
                try {
                    workloads = api.list(workloadType.collectionPath(namespace), null);
                } catch (ApiException e) {
                    outcomes.add(new RestartResult.ListFailed(workloadType.groupKind(), namespace,
                            "restart-on-change: " + e.getMessage()));
                    continue;
                }
                var toRestart = new ArrayList<ResourceKey>();
                for (var w : workloads) {
                    var key = keyOf(workloadType, w);
                    var uses = ConfigReferences.of(w);
                    if (!created.contains(key) && refs.stream().anyMatch(uses::contains)) {
                        toRestart.add(key);
                    }
                }
                outcomes.addAll(fanout.map(toRestart, key -> restart(api, workloadType, key, refs, now)));
            }
        });
        return outcomes;
    }

    private RestartResult restart(ObjectStore api, ApiResource type, ResourceKey key, List<ConfigReferences.Ref> refs,
                                  String now) {
        var configs = refs.stream().map(r -> r.kind() + "/" + r.name()).distinct().toList();
        try {
            var patch = Map.<String, Object>of("spec", Map.of("template", Map.of("metadata",
                    Map.of("annotations", Map.of(RESTARTED_AT, now)))));
            api.mergePatch(type.objectPath(key.namespace(), key.name()), patch, FIELD_MANAGER);
            return new RestartResult.Restarted(key, configs);
        } catch (ApiException e) {
            return new RestartResult.RestartFailed(key, configs, e.getMessage());
        }
    }

    private static boolean isTrigger(PlannedObject p) {
        var key = p.change().key();
        if (!key.group().isEmpty() || !(key.kind().equals("ConfigMap") || key.kind().equals("Secret"))
                || p.applyBody() == null) {
            return false;
        }
        var action = p.change().action();
        if (action != Action.UPDATE && action != Action.REPLACE) {
            return false;
        }
        return "true".equals(ObjectView.of(p.applyBody()).annotation(ANNOTATION));
    }

    private static ResourceKey keyOf(ApiResource type, Map<String, Object> obj) {
        return ObjectView.of(obj).keyAs(type.group(), type.kind());
    }
}
