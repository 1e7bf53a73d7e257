package io.fleetsync.cluster;

import java.util.List;

/**
 * A request the API server answered with an error status, or that never got an answer (code 0).
 *
 * @param causes the Status details' causes as {@code field: message}, used to find immutable fields and conflicts
 */
public final class ApiException extends RuntimeException {
    private final int code;
    private final String reason;
    private final List<Cause> causes;
    private final Long retryAfterSeconds;

    /** One entry of a Status's {@code details.causes}. */
    public record Cause(String reason, String field, String message) {
    }

    public ApiException(int code, String reason, String message, List<Cause> causes, Long retryAfterSeconds) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.causes = List.copyOf(causes);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ApiException(String message, Throwable cause) {
        super(message, cause);
        this.code = 0;
        this.reason = "ConnectionError";
        this.causes = List.of();
        this.retryAfterSeconds = null;
    }

    public int code() {
        return code;
    }

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
