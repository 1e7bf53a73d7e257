package io.fleetsync.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns HTTP error answers and transport failures into {@link ApiException}s with one readable line. */
final class ApiErrors {
    private ApiErrors() {
    }

    @SuppressWarnings("unchecked")
    static ApiException fromResponse(int code, String body, String retryAfter, ObjectMapper json) {
        String reason = "";
        String message = null;
        var causes = new ArrayList<ApiException.Cause>();
        try {
            Map<String, Object> status = json.readValue(body, Map.class);
            if ("Status".equals(status.get("kind"))) {
                reason = String.valueOf(status.getOrDefault("reason", ""));
                message = (String) status.get("message");
                var details = (Map<String, Object>) status.get("details");
                if (details != null && details.get("causes") instanceof List<?> list) {
                    for (var c : list) {
                        var m = (Map<String, Object>) c;
                        causes.add(new ApiException.Cause((String) m.get("reason"), (String) m.get("field"),
                                (String) m.get("message")));
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // Not a Status document (a proxy or load balancer answered): describe it by code alone.
        }
        if (message == null || message.isBlank()) {
            message = describeCode(code);
        }
        var text = "HTTP " + code + ": " + message;
        return new ApiException(code, ApiFailure.ofAnswer(code, reason, message), reason, text, causes,
                parseRetryAfter(retryAfter), null);
    }

    static ApiException fromTransport(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof ConnectException || root instanceof SSLException) {
                break;
            }
            root = root.getCause();
        }
        String what;
        var kind = ApiFailure.UNREACHABLE;
        var message = root.getMessage() == null ? "" : root.getMessage();
        if (root instanceof ConnectException || message.contains("Connection refused")) {
            what = "connection refused";
        } else if (root instanceof UnknownHostException) {
            what = "unknown host " + message;
        } else if (root instanceof SSLException) {
            what = "TLS handshake failed: " + message;
        } else if (root instanceof SocketTimeoutException || root instanceof TimeoutException
                || message.toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
            what = "request timed out";
            kind = ApiFailure.TIMEOUT;
        } else if (message.contains("Connection was closed") || message.contains("Connection reset")
                || message.contains("closed")) {
            what = "connection closed by the server before the response was complete";
        } else {
            // Never a class name or stack trace in the one line a user reads; the cause goes to debug logs.
            what = "network error" + (message.isBlank() ? "" : ": " + message);
        }
        return new ApiException(0, kind, "", what, List.of(), null, t);
    }

    private static Long parseRetryAfter(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String describeCode(int code) {
        return switch (code) {
            case 401 -> "Unauthorized: the credentials were rejected";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "unexpected status";
        };
    }
}
