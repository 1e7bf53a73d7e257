package io.fleetsync.cluster;

import java.util.List;

/**
 * A request the API server answered with an error status, or that never got an answer (code 0); {@link #kind()}
 * says which, and so whether it was retried and counted against the cluster.
 *
 * @param causes the Status details' causes as {@code field: message}, used to find immutable fields and conflicts
 */
public final class ApiException extends RuntimeException {
    private final int code;
    private final ApiFailure kind;
    private final String reason;
    private final List<Cause> causes;
    private final Long retryAfterSeconds;

    /** One entry of a Status's {@code details.causes}. */
    public record Cause(String reason, String field, String message) {
    }

    public ApiException(int code, ApiFailure kind, String reason, String message, List<Cause> causes,
                        Long retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.kind = kind;
        this.reason = reason == null ? "" : reason;
        this.causes = List.copyOf(causes);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** An HTTP answer (code > 0), classified from its code and message; code 0 is a reply fleetsync cannot read. */
    public ApiException(int code, String reason, String message, List<Cause> causes, Long retryAfterSeconds) {
        this(code, code > 0 ? ApiFailure.ofAnswer(code, reason, message) : ApiFailure.UNREADABLE, reason, message,
                causes, retryAfterSeconds, null);
    }

    /** No answer: the transport failed. */
    public ApiException(String message, Throwable cause) {
        this(0, ApiFailure.UNREACHABLE, "", message, List.of(), null, cause);
    }

    /** A failure of the given kind that never reached the server (open breaker, timeout, stop). */
    public static ApiException of(ApiFailure kind, String message) {
        return new ApiException(0, kind, "", message, List.of(), null, null);
    }

    /** The run was stopped, or the cluster's deadline interrupted a wait. */
    public static ApiException interrupted(InterruptedException e) {
        return new ApiException(0, ApiFailure.INTERRUPTED, "", "interrupted", List.of(), null, e);
    }

    /**
     * The same failure with a message that says more (which object, which step); kind and causes are kept. The
     * transport cause is kept, not this exception: its message may echo a Secret the new message scrubbed.
     */
    public ApiException withMessage(String message) {
        return new ApiException(code, kind, reason, message, causes, retryAfterSeconds, getCause());
    }

    public int code() {
        return code;
    }

    public ApiFailure kind() {
        return kind;
    }

    /** The Status document's reason (e.g. {@code Invalid}, {@code InternalError}); empty when there was none. */
    public String reason() {
        return reason;
    }

    public List<Cause> causes() {
        return causes;
    }

    /** Seconds the server asked us to wait (Retry-After), or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean isNotFound() {
        return code == 404;
    }

    public boolean isConflict() {
        return code == 409;
    }
}
