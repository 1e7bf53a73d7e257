package io.fleetsync.cluster;

/** An exec credential plugin could not give a credential; the message names the plugin and never holds a token. */
public final class ExecCredentialException extends RuntimeException {
    /** Why, for code that reacts to it; the message says it in words. */
    public enum Reason {
        /** The kubeconfig's exec entry cannot be run as written (apiVersion, interactiveMode, command). */
        INVALID_CONFIG,
        /** The command does not exist or cannot be started. */
        NOT_FOUND,
        /** The plugin exited with a non-zero code. */
        FAILED,
        /** The plugin did not finish in time. */
        TIMEOUT,
        /** stdout was not an ExecCredential of the requested apiVersion with a token or a certificate. */
        BAD_OUTPUT
    }

    private final Reason reason;

    ExecCredentialException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** As the cluster's failure: not retried, and no count against the cluster's circuit breaker. */
    ApiException asApiException() {
        return new ApiException(0, ApiFailure.CREDENTIALS, "", getMessage(), java.util.List.of(), null, this);
    }
}
