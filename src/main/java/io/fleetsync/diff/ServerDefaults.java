package io.fleetsync.diff;

import io.fleetsync.resource.GroupKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values the API server fills into the parts of an object that server-side apply tracks as one field (atomic
 * structs and lists): there the fields fleetsync owns include what the server added, so the live object cut to
 * fleetsync's fields holds keys the manifest never had. Each entry names such a key by its path (list selectors
 * left empty) and the value the server's defaulting gives it; the pre-check skips that key only when the manifest
 * leaves it out and the live value is exactly that default — what the server would fill in again — so a real
 * change (another value, or a value the manifest sets) is never hidden.
 *
 * <p>Found by applying each kind to kube-apiserver 1.34 and comparing the cut with the manifest (every entry has a
 * fixture in {@code src/test/resources/diff/defaults/}); the values are those of Kubernetes' own defaulters
 * ({@code pkg/apis/core/v1/defaults.go}, {@code admissionregistration/v1/defaults.go}, …). Defaults outside atomic
 * parts ({@code imagePullPolicy}, {@code protocol} of a container port, a webhook's {@code timeoutSeconds}) are
 * never owned by fleetsync unless the manifest sets them, so they need no entry.
 */
public final class ServerDefaults {
    /** No defaults: every difference counts. */
    public static final ServerDefaults NONE = new ServerDefaults(Map.of());

    /** Paths inside a pod spec, relative to it. */
    private static final Map<String, Object> POD_SPEC = podSpec();

    private static final Map<GroupKind, Map<String, Object>> BY_KIND = byKind();

    private final Map<String, Object> byPath;

    private ServerDefaults(Map<String, Object> byPath) {
        this.byPath = byPath;
    }

    /** The defaults of one kind ({@link #NONE} for kinds without any). */
    public static ServerDefaults of(GroupKind kind) {
        var paths = BY_KIND.get(kind);
        return paths == null ? NONE : new ServerDefaults(paths);
    }

    /** Whether the server fills {@code value} in at {@code shapePath} (e.g. {@code spec.ingress[].ports[].protocol}). */
    boolean fills(String shapePath, Object value) {
        if (byPath.isEmpty()) {
            return false;
        }
        var expected = byPath.get(shapePath);
        return expected != null && Values.equal(expected, value);
    }

    private static Map<String, Object> podSpec() {
        var out = new HashMap<String, Object>();
        for (var containers : List.of("containers", "initContainers", "ephemeralContainers")) {
            // EnvVarSource.fieldRef and resourceFieldRef are atomic structs.
            out.put(containers + "[].env[].valueFrom.fieldRef.apiVersion", "v1");
            out.put(containers + "[].env[].valueFrom.resourceFieldRef.divisor", "0");
        }
        // downwardAPI items and projected sources are atomic lists.
        for (var items : List.of("volumes[].downwardAPI.items[]", "volumes[].projected.sources[].downwardAPI.items[]")) {
            out.put(items + ".fieldRef.apiVersion", "v1");
            out.put(items + ".resourceFieldRef.divisor", "0");
        }
        out.put("volumes[].projected.sources[].serviceAccountToken.expirationSeconds", 3600);
        return Map.copyOf(out);
    }

    private static Map<GroupKind, Map<String, Object>> byKind() {
        var out = new HashMap<GroupKind, Map<String, Object>>();
        var podRoots = Map.of(
                new GroupKind("", "Pod"), "spec.",
                new GroupKind("", "PodTemplate"), "template.spec.",
                new GroupKind("", "ReplicationController"), "spec.template.spec.",
                new GroupKind("apps", "Deployment"), "spec.template.spec.",
                new GroupKind("apps", "ReplicaSet"), "spec.template.spec.",
                new GroupKind("apps", "StatefulSet"), "spec.template.spec.",
                new GroupKind("apps", "DaemonSet"), "spec.template.spec.",
                new GroupKind("batch", "Job"), "spec.template.spec.",
                new GroupKind("batch", "CronJob"), "spec.jobTemplate.spec.template.spec.");
        podRoots.forEach((kind, root) -> POD_SPEC.forEach((path, value) -> put(out, kind, root + path, value)));

        // StatefulSet.spec.volumeClaimTemplates is atomic; each claim is defaulted as a whole PVC.
        var sts = new GroupKind("apps", "StatefulSet");
        put(out, sts, "spec.volumeClaimTemplates[].apiVersion", "v1");
        put(out, sts, "spec.volumeClaimTemplates[].kind", "PersistentVolumeClaim");
        put(out, sts, "spec.volumeClaimTemplates[].spec.volumeMode", "Filesystem");
        put(out, sts, "spec.volumeClaimTemplates[].status", Map.of("phase", "Pending"));

        // Job.spec.podFailurePolicy.rules is atomic; onPodConditions[].status defaults to "True".
        put(out, new GroupKind("batch", "Job"), "spec.podFailurePolicy.rules[].onPodConditions[].status", "True");
        put(out, new GroupKind("batch", "CronJob"),
                "spec.jobTemplate.spec.podFailurePolicy.rules[].onPodConditions[].status", "True");

        // NetworkPolicy ingress and egress rules are atomic lists; a port's protocol defaults to TCP.
        var netpol = new GroupKind("networking.k8s.io", "NetworkPolicy");
        put(out, netpol, "spec.ingress[].ports[].protocol", "TCP");
        put(out, netpol, "spec.egress[].ports[].protocol", "TCP");

        // A webhook's rules are an atomic list; a rule's scope defaults to "*".
        for (var kind : List.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration")) {
            put(out, new GroupKind("admissionregistration.k8s.io", kind), "webhooks[].rules[].scope", "*");
        }
        var frozen = new HashMap<GroupKind, Map<String, Object>>();
        out.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
        return Map.copyOf(frozen);
    }

    private static void put(Map<GroupKind, Map<String, Object>> out, GroupKind kind, String path, Object value) {
        out.computeIfAbsent(kind, k -> new HashMap<>()).put(path, value);
    }
}
