package io.fleetsync.cluster;

import java.util.Locale;

/**
 * What kind of failure one request met, which decides whether the guard retries it and whether the cluster's
 * circuit breaker counts it. The line between the kinds: did the cluster fail to answer (or say it is overloaded),
 * or did a working API server answer about this one object?
 */
public enum ApiFailure {
    /** No answer: connection refused or reset, TLS or DNS failure. Retried; counted by the breaker. */
    UNREACHABLE(true, true),
    /** An attempt got no complete answer within {@code --request-timeout}. Retried; counted by the breaker. */
    TIMEOUT(true, true),
    /** 502, 503, 504: the API server (or what fronts it) cannot serve now. Retried; counted by the breaker. */
    OVERLOADED(true, true),
    /**
     * 429: the server's flow control asks us to slow down (Retry-After). Retried, but not counted: throttling is a
     * working server doing its job, and opening the breaker on it would turn a busy cluster into a failed one.
     */
    THROTTLED(true, false),
    /**
     * Any other 5xx (e.g. 500 "etcdserver: leader changed"). Retried, since such errors are often momentary, but not
     * counted: the server did answer, and one bad object must not fail its siblings.
     */
    SERVER_ERROR(true, false),
    /**
     * The server answered about this request: 4xx (invalid, conflict, forbidden, denied by admission), or a 500 whose
     * Status says an admission webhook failed. Never retried (the same request gets the same answer; a webhook whose
     * service is missing stays missing for the seconds a retry waits, and four tries per object would spend the
     * cluster's deadline) and never counted: the cluster is fine, the object is not.
     */
    REJECTED(false, false),
    /** The breaker is open: not sent. */
    CIRCUIT_OPEN(false, false),
    /** The run was stopped or the cluster's deadline passed while the request waited or ran. */
    INTERRUPTED(false, false),
    /** Something the API server answered that fleetsync could not read (not JSON, no aggregated discovery). */
    UNREADABLE(false, false),
    /** The kubeconfig's exec credential plugin failed: every request of that user would fail alike. Not retried. */
    CREDENTIALS(false, false);

    private final boolean retried;
    private final boolean countedByBreaker;

    ApiFailure(boolean retried, boolean countedByBreaker) {
        this.retried = retried;
        this.countedByBreaker = countedByBreaker;
    }

    /** Whether another attempt may get a different answer. */
    public boolean retried() {
        return retried;
    }

    /** Whether this says the cluster is unreachable or overloaded (the only thing the breaker counts). */
    public boolean countedByBreaker() {
        return countedByBreaker;
    }

    /** Whether the cluster as a whole is in trouble (its later requests would fail too), not just this object. */
    public boolean clusterLevel() {
        return countedByBreaker || this == CIRCUIT_OPEN || this == INTERRUPTED || this == CREDENTIALS;
    }

    /**
     * Classifies an HTTP error answer from its code and Status document. A 500 from kube-apiserver that wraps an
     * admission webhook ("failed calling webhook", "admission webhook … denied") is about the object: the server
     * itself is fine, it could not get the webhook's verdict for this object.
     */
    public static ApiFailure ofAnswer(int code, String statusReason, String message) {
        if (code == 429) {
            return THROTTLED;
        }
        if (code == 502 || code == 503 || code == 504) {
            return OVERLOADED;
        }
        if (code >= 500) {
            return isAdmission(message) ? REJECTED : SERVER_ERROR;
        }
        return REJECTED;
    }

    static boolean isAdmission(String message) {
        if (message == null) {
            return false;
        }
        var m = message.toLowerCase(Locale.ROOT);
        return m.contains("failed calling webhook") || m.contains("admission webhook")
                || m.contains("validatingadmissionpolicy");
    }
}
