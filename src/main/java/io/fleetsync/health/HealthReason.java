package io.fleetsync.health;

/** Why an object has its {@link HealthStatus}: one reason per rule, so reports and metrics can name it. */
public enum HealthReason {
    /** A kind without status (ConfigMap, Secret, RBAC, …): current as soon as it is written. */
    DATA_KIND,
    /** A kind without a rule and without conditions that say otherwise. */
    NO_STATUS_RULE,
    /** status.observedGeneration (or a condition's) is behind the generation the apply produced. */
    GENERATION_NOT_OBSERVED,
    /** A condition Reconciling=True. */
    RECONCILING,
    /** A condition Stalled=True. */
    STALLED,
    /** A condition Ready=False (or Unknown). */
    NOT_READY,
    /** A condition Ready=True. */
    READY,
    /** Deployment's Progressing condition has reason ProgressDeadlineExceeded. */
    PROGRESS_DEADLINE_EXCEEDED,
    /** Fewer replicas run the new template than desired. */
    REPLICAS_UPDATING,
    /** More replicas exist than desired: old ones are still terminating. */
    REPLICAS_TERMINATING,
    /** Fewer replicas are available or ready than desired. */
    REPLICAS_UNAVAILABLE,
    /** Every desired replica is updated, ready and available. */
    ROLLOUT_COMPLETE,
    /** A StatefulSet rolled out as far as its partition allows. */
    PARTITION_ROLLED_OUT,
    /** A StatefulSet with updateStrategy OnDelete: pods change only when deleted, so nothing to wait for. */
    ON_DELETE,
    /** A StatefulSet's currentRevision differs from its updateRevision. */
    REVISION_PENDING,
    /** A Job with condition Complete=True. */
    JOB_COMPLETE,
    /** A Job with condition Failed=True. */
    JOB_FAILED,
    /** A Job neither complete nor failed yet. */
    JOB_RUNNING,
    /** A CRD with condition Established=True. */
    CRD_ESTABLISHED,
    /** A CRD whose names were not accepted (NamesAccepted=False): it will never be served. */
    CRD_NAMES_NOT_ACCEPTED,
    /** A CRD not Established yet. */
    CRD_NOT_ESTABLISHED,
    /** A Pod running with condition Ready=True. */
    POD_READY,
    /** A Pod that ran to completion. */
    POD_SUCCEEDED,
    /** A Pod in phase Failed. */
    POD_FAILED,
    /** A container of the Pod is in CrashLoopBackOff. */
    POD_CRASH_LOOP,
    /** A Pod pending or running but not ready. */
    POD_NOT_READY,
    /** A PersistentVolumeClaim in phase Bound. */
    PVC_BOUND,
    /** A PersistentVolumeClaim not bound yet. */
    PVC_NOT_BOUND,
    /** A Service of type LoadBalancer with an ingress address. */
    LOAD_BALANCER_READY,
    /** A Service of type LoadBalancer still waiting for its address. */
    LOAD_BALANCER_PENDING,
    /** A PodDisruptionBudget whose controller observed it and computed the allowed disruptions. */
    BUDGET_COMPUTED,
    /** A fleet-file health rule matched. */
    RULE_MATCHED,
    /** A fleet-file health rule exists for the kind but none of its matchers matched yet. */
    RULE_PENDING,
    /** metadata.deletionTimestamp is set. */
    DELETING,
    /** The object is not on the cluster. */
    ABSENT,
    /** Reading the object failed. */
    UNREADABLE
}
