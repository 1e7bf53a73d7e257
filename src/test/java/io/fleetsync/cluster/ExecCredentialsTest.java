package io.fleetsync.cluster;

import io.fleetsync.kubeconfig.ExecPlugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExecCredentialsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T12:00:00Z");
    private final MovableClock clock = new MovableClock();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aCredentialWithoutExpiryIsReusedForEveryCallerOfTheSameUser() {
        var credentials = new ExecCredentials(p -> credential("t" + runs.incrementAndGet(), null), clock);

        assertThat(credentials.get(plugin("sso")).token()).isEqualTo("t1");
        clock.now = T0.plusSeconds(3600);
        assertThat(credentials.get(plugin("sso")).token()).isEqualTo("t1");
        assertThat(credentials.get(plugin("other")).token()).as("another user runs its own plugin").isEqualTo("t2");
    }

    @Test
    void anExpiringCredentialIsRefreshedShortlyBeforeItsExpiry() {
        var credentials = new ExecCredentials(p -> credential("t" + runs.incrementAndGet(), clock.now.plusSeconds(60)),
                clock);
        assertThat(credentials.get(plugin("sso")).token()).isEqualTo("t1");

        clock.now = T0.plusSeconds(49);
        assertThat(credentials.get(plugin("sso")).token()).isEqualTo("t1");
        clock.now = T0.plusSeconds(50); // 10 s (the skew) before expiry
        assertThat(credentials.get(plugin("sso")).token()).isEqualTo("t2");
    }

    @Test
    void aShortLivedCredentialRefreshesAfterFourFifthsOfItsLife() {
        var c = new ExecCredential("t", null, null, T0.plusSeconds(5), T0);
        assertThat(c.needsRefresh(T0.plusMillis(3999))).isFalse();
        assertThat(c.needsRefresh(T0.plusSeconds(4))).isTrue();
        assertThat(new ExecCredential("t", null, null, null, T0).needsRefresh(T0.plusSeconds(86400))).isFalse();
    }

    @Test
    void aRejectedTokenIsReplacedOnceHoweverManyRequestsReportIt() {
        var credentials = new ExecCredentials(p -> credential("t" + runs.incrementAndGet(), null), clock);
        credentials.get(plugin("sso"));

        assertThat(credentials.rejected(plugin("sso"), "t1").token()).isEqualTo("t2");
        assertThat(credentials.rejected(plugin("sso"), "t1").token()).as("already replaced").isEqualTo("t2");
        assertThat(runs).hasValue(2);
    }

    @Test
    void aFailureIsKeptForTheRunSoABrokenPluginRunsOnce() {
        var credentials = new ExecCredentials(p -> {
            runs.incrementAndGet();
            throw new ExecCredentialException(ExecCredentialException.Reason.FAILED, "plugin failed");
        }, clock);

        assertThatThrownBy(() -> credentials.get(plugin("sso"))).hasMessage("plugin failed");
        assertThatThrownBy(() -> credentials.get(plugin("sso"))).hasMessage("plugin failed");
        assertThat(runs).hasValue(1);
    }

    @Test
    void toStringNeverShowsTheValues() {
        var c = new ExecCredential("secret-token-1234", "cert", "secret-key-5678", null, T0);
        assertThat(c.toString()).doesNotContain("secret-token-1234", "secret-key-5678");
    }

    private ExecCredential credential(String token, Instant expiry) {
        return new ExecCredential(token, null, null, expiry, clock.now);
    }

    static ExecPlugin plugin(String user) {
        return new ExecPlugin(Path.of("/home/me/.kube/config"), user, ExecPlugin.ExecApiVersion.V1, "get-token",
                List.of(), Map.of(), ExecPlugin.InteractiveMode.NEVER, null, null);
    }

    private static final class MovableClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
