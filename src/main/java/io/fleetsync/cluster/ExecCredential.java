package io.fleetsync.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * What an exec plugin printed: a bearer token and/or a client certificate, and when it expires (null: never, until a
 * 401). {@code toString} never shows the values.
 *
 * @param obtained when the plugin answered; with {@code expiry} it sets how early to refresh
 */
public record ExecCredential(String token, String clientCertificateData, String clientKeyData, Instant expiry,
                             Instant obtained) {
    /** Refresh this long before expiry at most; a short-lived token refreshes after four fifths of its life. */
    static final Duration MAX_SKEW = Duration.ofSeconds(10);

    /**
     * Whether a request sent at {@code now} should use a fresh credential instead. Refreshing a little before the
     * expiry keeps a request from leaving with a token that expires on its way to the server.
     */
    public boolean needsRefresh(Instant now) {
        if (expiry == null) {
            return false;
        }
        var life = Duration.between(obtained, expiry);
        var skew = life.isNegative() ? Duration.ZERO : life.dividedBy(5);
        if (skew.compareTo(MAX_SKEW) > 0) {
            skew = MAX_SKEW;
        }
        return !now.isBefore(expiry.minus(skew));
    }

    public boolean hasCertificate() {
        return clientCertificateData != null && clientKeyData != null;
    }

    @Override
    public String toString() {
        return "ExecCredential[token=" + (token == null ? "none" : "<redacted>") + ", certificate="
                + (hasCertificate() ? "<redacted>" : "none") + ", expiry=" + expiry + "]";
    }
}
