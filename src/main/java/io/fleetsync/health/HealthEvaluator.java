package io.fleetsync.health;

import static io.fleetsync.health.HealthReason.*;

import io.fleetsync.resource.GroupKind;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

/**
 * Tells one object's health from its live state, with kstatus' semantics (sigs.k8s.io/cli-utils pkg/kstatus):
 * generic checks first (deletion, observed generation, Reconciling/Stalled), then a rule per kind. Pure: the object
 * and the generation the apply produced in, a {@link Health} out.
 *
 * <p>Written by hand rather than with Fabric8's {@code Readiness}, which ignores observedGeneration and
 * updatedReplicas and so calls a Deployment ready in the middle of a rollout. Where this differs from kstatus it
 * is stricter, because it answers "did the change work" rather than "has it started": a Job is Current only once
 * Complete (kstatus: while running), a Pod in phase Failed is Failed (kstatus: Current), and the generic rule reads
 * a Ready condition (Ready=False is in progress).
 */
public final class HealthEvaluator {
    /** Kinds whose objects are data: nothing acts on them, so they are Current as soon as written. */
    private static final Set<GroupKind> DATA_KINDS = Set.of(
            new GroupKind("", "ConfigMap"), new GroupKind("", "Secret"), new GroupKind("", "ServiceAccount"),
            new GroupKind("", "LimitRange"), new GroupKind("", "ResourceQuota"), new GroupKind("", "Endpoints"),
            new GroupKind("rbac.authorization.k8s.io", "Role"),
            new GroupKind("rbac.authorization.k8s.io", "RoleBinding"),
            new GroupKind("rbac.authorization.k8s.io", "ClusterRole"),
            new GroupKind("rbac.authorization.k8s.io", "ClusterRoleBinding"),
            new GroupKind("networking.k8s.io", "NetworkPolicy"), new GroupKind("networking.k8s.io", "IngressClass"),
            new GroupKind("scheduling.k8s.io", "PriorityClass"), new GroupKind("storage.k8s.io", "StorageClass"),
            new GroupKind("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
            new GroupKind("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
            new GroupKind("policy", "PodSecurityPolicy"), new GroupKind("coordination.k8s.io", "Lease"));

    /** Kinds whose controller always writes status.observedGeneration: without it, it has not acted yet. */
    private static final Set<GroupKind> OBSERVED_KINDS = Set.of(
            new GroupKind("apps", "Deployment"), new GroupKind("apps", "StatefulSet"),
            new GroupKind("apps", "DaemonSet"), new GroupKind("apps", "ReplicaSet"),
            new GroupKind("policy", "PodDisruptionBudget"));

    private final HealthRules rules;

    public HealthEvaluator(HealthRules rules) {
        this.rules = rules;
    }

    /**
     * @param object the object as read from the cluster, or null when it is not there
     * @param appliedGeneration metadata.generation the apply answered with (0 when unknown): a status whose
     *     observedGeneration is older describes an earlier spec and never counts
     */
    public Health evaluate(Map<String, Object> object, long appliedGeneration) {
        if (object == null) {
            return new Health(HealthStatus.NOT_FOUND, ABSENT, "not found on the cluster");
        }
        var o = new ObjectFields(object);
        var kind = new GroupKind(o.group(), o.kind());
        if (o.has("metadata.deletionTimestamp")) {
            return new Health(HealthStatus.TERMINATING, DELETING, "being deleted");
        }
        if (DATA_KINDS.contains(kind)) {
            return Health.current(DATA_KIND, "written");
        }
        var stale = generation(o, kind, appliedGeneration);
        if (stale != null) {
            return stale;
        }
        var reconciling = o.condition("Reconciling");
        if (reconciling.isPresent() && reconciling.get().isTrue()) {
            return Health.inProgress(RECONCILING, reconciling.get().describe());
        }
        var stalled = o.condition("Stalled");
        if (stalled.isPresent() && stalled.get().isTrue()) {
            return Health.failed(STALLED, stalled.get().describe());
        }
        var rule = rules.forKind(kind);
        if (rule.isPresent()) {
            return rule.get().evaluate(object);
        }
        return switch (kind.group() + "/" + kind.kind()) {
            case "apps/Deployment" -> deployment(o);
            case "apps/StatefulSet" -> statefulSet(o);
            case "apps/DaemonSet" -> daemonSet(o);
            case "apps/ReplicaSet" -> replicaSet(o);
            case "batch/Job" -> job(o);
            case "apiextensions.k8s.io/CustomResourceDefinition" -> crd(o);
            case "/Pod" -> pod(o);
            case "/PersistentVolumeClaim" -> pvc(o);
            case "/Service" -> service(o);
            case "policy/PodDisruptionBudget" -> Health.current(BUDGET_COMPUTED, "allowed disruptions computed");
            default -> generic(o, appliedGeneration);
        };
    }

    /**
     * The generation gate: the live generation (which may be newer than the apply's, after a restart) and the
     * applied one must both be observed. A status without observedGeneration passes only for kinds whose
     * controllers do not write it.
     */
    private static Health generation(ObjectFields o, GroupKind kind, long appliedGeneration) {
        long live = o.number("metadata.generation", 0);
        long wanted = Math.max(live, appliedGeneration);
        if (!o.has("status.observedGeneration")) {
            if (OBSERVED_KINDS.contains(kind)) {
                return Health.inProgress(GENERATION_NOT_OBSERVED, "its controller has not observed generation "
                        + wanted + " yet (no status.observedGeneration)");
            }
            return null;
        }
        long observed = o.number("status.observedGeneration", 0);
        if (observed < wanted) {
            return Health.inProgress(GENERATION_NOT_OBSERVED, "status is of generation " + observed
                    + ", the apply produced generation " + wanted);
        }
        return null;
    }

    private static Health deployment(ObjectFields o) {
        var progressing = o.condition("Progressing");
        if (progressing.isPresent() && "ProgressDeadlineExceeded".equals(progressing.get().reason())) {
            return Health.failed(PROGRESS_DEADLINE_EXCEEDED, progressing.get().describe());
        }
        long spec = o.number("spec.replicas", 1);
        long replicas = o.number("status.replicas", 0);
        long updated = o.number("status.updatedReplicas", 0);
        long ready = o.number("status.readyReplicas", 0);
        long available = o.number("status.availableReplicas", 0);
        if (spec > replicas) {
            return Health.inProgress(REPLICAS_UNAVAILABLE, "replicas: " + replicas + "/" + spec);
        }
        if (spec > updated) {
            return Health.inProgress(REPLICAS_UPDATING, "updated: " + updated + "/" + spec);
        }
        if (replicas > spec) {
            return Health.inProgress(REPLICAS_TERMINATING, "pending termination: " + (replicas - spec));
        }
        if (updated > available) {
            return Health.inProgress(REPLICAS_UNAVAILABLE, "available: " + available + "/" + updated);
        }
        if (spec > ready) {
            return Health.inProgress(REPLICAS_UNAVAILABLE, "ready: " + ready + "/" + spec);
        }
        var availableCondition = o.condition("Available");
        if (availableCondition.isPresent() && !availableCondition.get().isTrue()) {
            return Health.inProgress(REPLICAS_UNAVAILABLE, availableCondition.get().describe());
        }
        return Health.current(ROLLOUT_COMPLETE, "rolled out: " + replicas + " replicas updated and available");
    }

    private static Health statefulSet(ObjectFields o) {
        if ("OnDelete".equals(o.text("spec.updateStrategy.type", ""))) {
            return Health.current(ON_DELETE, "updateStrategy OnDelete: pods change only when deleted");
        }
        long spec = o.number("spec.replicas", 1);
        long replicas = o.number("status.replicas", 0);
        long ready = o.number("status.readyReplicas", 0);
        long current = o.number("status.currentReplicas", 0);
        long updated = o.number("status.updatedReplicas", 0);
        long partition = o.number("spec.updateStrategy.rollingUpdate.partition", -1);
        if (spec > replicas) {
            return Health.inProgress(REPLICAS_UNAVAILABLE, "replicas: " + replicas + "/" + spec);
        }
        if (spec > ready) {
            return Health.inProgress(REPLICAS_UNAVAILABLE, "ready: " + ready + "/" + spec);
        }
        if (replicas > spec) {
            return Health.inProgress(REPLICAS_TERMINATING, "pending termination: " + (replicas - spec));
        }
        if (partition > 0) {
            long wanted = Math.max(0, spec - partition);
            if (updated < wanted) {
                return Health.inProgress(REPLICAS_UPDATING, "updated: " + updated + "/" + wanted
                        + " (partition " + partition + ")");
            }
            return Health.current(PARTITION_ROLLED_OUT, "rolled out up to partition " + partition + ": "
                    + updated + " updated");
        }
        if (spec > current) {
            return Health.inProgress(REPLICAS_UPDATING, "current: " + current + "/" + spec);
        }
        var currentRevision = o.text("status.currentRevision", "");
        var updateRevision = o.text("status.updateRevision", "");
        if (!currentRevision.equals(updateRevision)) {
            return Health.inProgress(REVISION_PENDING, "currentRevision " + currentRevision + " is not updateRevision "
                    + updateRevision);
        }
        return Health.current(ROLLOUT_COMPLETE, "rolled out: " + replicas + " replicas ready");
    }

    private static Health daemonSet(ObjectFields o) {
        if (!o.has("status.desiredNumberScheduled")) {
            return Health.inProgress(REPLICAS_UNAVAILABLE, "no status.desiredNumberScheduled yet");
        }
        long desired = o.number("status.desiredNumberScheduled", 0);
        long current = o.number("status.currentNumberScheduled", 0);
        long updated = o.number("status.updatedNumberScheduled", 0);
        long available = o.number("status.numberAvailable", 0);
        long ready = o.number("status.numberReady", 0);
        if (desired > current) {
            return Health.inProgress(REPLICAS_UNAVAILABLE, "scheduled: " + current + "/" + desired);
        }
        if (desired > updated) {
            return Health.inProgress(REPLICAS_UPDATING, "updated: " + updated + "/" + desired);
        }
        if (desired > available) {
            return Health.inProgress(REPLICAS_UNAVAILABLE, "available: " + available + "/" + desired);
        }
        if (desired > ready) {
            return Health.inProgress(REPLICAS_UNAVAILABLE, "ready: " + ready + "/" + desired);
        }
        return Health.current(ROLLOUT_COMPLETE, "rolled out on " + desired + " nodes");
    }

    private static Health replicaSet(ObjectFields o) {
        long spec = o.number("spec.replicas", 1);
        long labeled = o.number("status.fullyLabeledReplicas", 0);
        long available = o.number("status.availableReplicas", 0);
        long ready = o.number("status.readyReplicas", 0);
        long replicas = o.number("status.replicas", 0);
        var failure = o.condition("ReplicaFailure");
        if (failure.isPresent() && failure.get().isTrue()) {
            return Health.inProgress(REPLICAS_UNAVAILABLE, failure.get().describe());
        }
        if (spec > labeled || spec > available || spec > ready) {
            return Health.inProgress(REPLICAS_UNAVAILABLE, "available: " + available + "/" + spec + ", ready: "
                    + ready + "/" + spec);
        }
        if (replicas > spec) {
            return Health.inProgress(REPLICAS_TERMINATING, "pending termination: " + (replicas - spec));
        }
        return Health.current(ROLLOUT_COMPLETE, replicas + " replicas available");
    }

    private static Health job(ObjectFields o) {
        var failed = o.condition("Failed");
        if (failed.isPresent() && failed.get().isTrue()) {
            return Health.failed(JOB_FAILED, failed.get().describe());
        }
        var complete = o.condition("Complete");
        if (complete.isPresent() && complete.get().isTrue()) {
            return Health.current(JOB_COMPLETE, "complete: " + o.number("status.succeeded", 0) + " succeeded");
        }
        return Health.inProgress(JOB_RUNNING, "active: " + o.number("status.active", 0) + ", succeeded: "
                + o.number("status.succeeded", 0) + ", failed: " + o.number("status.failed", 0));
    }

    private static Health crd(ObjectFields o) {
        var names = o.condition("NamesAccepted");
        if (names.isPresent() && "False".equals(names.get().status())) {
            return Health.failed(CRD_NAMES_NOT_ACCEPTED, names.get().describe());
        }
        var established = o.condition("Established");
        if (established.isPresent() && established.get().isTrue()) {
            return Health.current(CRD_ESTABLISHED, "established");
        }
        return Health.inProgress(CRD_NOT_ESTABLISHED, established.map(ObjectFields.Condition::describe)
                .orElse("not established yet"));
    }

    private static Health pod(ObjectFields o) {
        var phase = o.text("status.phase", "");
        switch (phase) {
            case "Succeeded" -> {
                return Health.current(POD_SUCCEEDED, "succeeded");
            }
            case "Failed" -> {
                return Health.failed(POD_FAILED, "phase Failed" + reasonSuffix(o));
            }
            default -> {
            }
        }
        var ready = o.condition("Ready");
        if ("Running".equals(phase) && ready.isPresent() && ready.get().isTrue()) {
            return Health.current(POD_READY, "running and ready");
        }
        var crashing = new ArrayList<String>();
        for (var s : o.list("status.containerStatuses")) {
            var status = new ObjectFields(s instanceof Map<?, ?> m ? castMap(m) : Map.of());
            if ("CrashLoopBackOff".equals(status.text("state.waiting.reason", ""))) {
                crashing.add(status.text("name", "?"));
            }
        }
        if (!crashing.isEmpty()) {
            return Health.failed(POD_CRASH_LOOP, "CrashLoopBackOff: " + String.join(", ", crashing));
        }
        return Health.inProgress(POD_NOT_READY, phase.isEmpty() ? "no phase yet" : "phase " + phase + ", not ready");
    }

    private static String reasonSuffix(ObjectFields o) {
        var reason = o.text("status.reason", "");
        return reason.isEmpty() ? "" : " (" + reason + ")";
    }

    private static Health pvc(ObjectFields o) {
        var phase = o.text("status.phase", "");
        if ("Bound".equals(phase)) {
            return Health.current(PVC_BOUND, "bound");
        }
        return Health.inProgress(PVC_NOT_BOUND, phase.isEmpty() ? "not bound yet" : "phase " + phase);
    }

    private static Health service(ObjectFields o) {
        if (!"LoadBalancer".equals(o.text("spec.type", "ClusterIP"))) {
            return Health.current(NO_STATUS_RULE, "service");
        }
        if (!o.list("status.loadBalancer.ingress").isEmpty()) {
            return Health.current(LOAD_BALANCER_READY, "load balancer address assigned");
        }
        return Health.inProgress(LOAD_BALANCER_PENDING, "waiting for a load balancer address");
    }

    /**
     * Any other kind, custom resources among them: a Ready condition decides if there is one (and it is not older
     * than the applied generation, for controllers that stamp conditions instead of the status); else Current.
     */
    private static Health generic(ObjectFields o, long appliedGeneration) {
        var ready = o.condition("Ready");
        if (ready.isEmpty()) {
            return Health.current(NO_STATUS_RULE, "no status rule for this kind");
        }
        long wanted = Math.max(o.number("metadata.generation", 0), appliedGeneration);
        if (ready.get().observedGeneration() >= 0 && ready.get().observedGeneration() < wanted) {
            return Health.inProgress(GENERATION_NOT_OBSERVED, "condition Ready is of generation "
                    + ready.get().observedGeneration() + ", the apply produced generation " + wanted);
        }
        if (ready.get().isTrue()) {
            return Health.current(READY, ready.get().describe());
        }
        return Health.inProgress(NOT_READY, ready.get().describe());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
