package io.fleetsync.resource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * kubectl's ApplySet convention for one target on one cluster: a parent ConfigMap records which group-kinds and
 * namespaces the set spans; every member carries the {@code part-of} label with the set's id. Pruning lists only
 * those kinds in those namespaces, by that label. See KEP-3659.
 *
 * @param fleet the name of the fleet that writes this set (annotation {@code fleetsync.io/fleet}); null for an
 *     unnamed fleet. Not part of the parent's name or id, so naming a fleet keeps existing installs' ids.
 * @param cluster the fleet file's name of the cluster the set is placed on (annotation {@code fleetsync.io/cluster}),
 *     or null when not known (a set read for pruning). Two cluster entries may reach one API server: only the
 *     entry that wrote a parent may treat it as a target's departure from that cluster.
 */
public record ApplySet(String target, String parentNamespace, String parentName, String id, String fleet,
                       String cluster) {
    public static final String LABEL_PART_OF = "applyset.kubernetes.io/part-of";
    public static final String LABEL_ID = "applyset.kubernetes.io/id";
    public static final String ANNOTATION_GROUP_KINDS = "applyset.kubernetes.io/contains-group-kinds";
    public static final String ANNOTATION_NAMESPACES = "applyset.kubernetes.io/additional-namespaces";
    public static final String ANNOTATION_TOOLING = "applyset.kubernetes.io/tooling";
    public static final String ANNOTATION_TARGET = "fleetsync.io/target";
    public static final String ANNOTATION_FLEET = "fleetsync.io/fleet";
    public static final String ANNOTATION_CLUSTER = "fleetsync.io/cluster";
    public static final String TOOLING = "fleetsync/v1";
    /** Parents live in kube-system: it exists on every cluster and is never pruned. */
    public static final String PARENT_NAMESPACE = "kube-system";

    public static ApplySet forTarget(String target) {
        return forTarget(target, null);
    }

    public static ApplySet forTarget(String target, String fleet) {
        return forTarget(target, fleet, null);
    }

    public static ApplySet forTarget(String target, String fleet, String cluster) {
        var name = "fleetsync-applyset-" + target;
        return new ApplySet(target, PARENT_NAMESPACE, name, idOf(name, PARENT_NAMESPACE, "ConfigMap", ""), fleet,
                cluster);
    }

    /** {@code applyset-<base64url(sha256(name.namespace.kind.group))>-v1}, as kubectl computes it. */
    static String idOf(String name, String namespace, String kind, String group) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((name + "." + namespace + "." + kind + "." + group).getBytes(StandardCharsets.UTF_8));
            return "applyset-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "-v1";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where every fleetsync parent lives: listed once per cluster to find departed and orphaned sets. */
    public static String parentCollectionPath() {
        return "/api/v1/namespaces/" + PARENT_NAMESPACE + "/configmaps";
    }

    /** The parent ConfigMap's REST path. */
    public String parentPath() {
        return "/api/v1/namespaces/" + parentNamespace + "/configmaps/" + parentName;
    }
}
