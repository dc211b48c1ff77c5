package dev.syncline.providers.graph;

import dev.syncline.providers.sync.CursorExpiredException;
import dev.syncline.providers.sync.ProviderSyncException;
import dev.syncline.providers.sync.ProviderThrottledException;
import dev.syncline.providers.sync.TransientProviderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class GraphFailuresTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "401, InvalidAuthenticationToken, AccessTokenRejectedException",
            "410, -,                          CursorExpiredException",
            "400, syncStateNotFound,          CursorExpiredException",
            "400, resyncRequired,             CursorExpiredException",
            "404, ErrorItemNotFound,          CursorExpiredException",
            "404, -,                          MailboxUnavailableException",
            "404, MailboxNotEnabledForRESTAPI, MailboxUnavailableException",
            "403, ErrorAccountDisabled,       MailboxUnavailableException",
            "401, MailboxNotEnabledForRESTAPI, MailboxUnavailableException",
            "403, ErrorAccessDenied,          MailboxUnavailableException",
            "429, ApplicationThrottled,       ProviderThrottledException",
            "500, generalException,           TransientProviderException",
            "502, -,                          TransientProviderException",
            "503, serviceNotAvailable,        TransientProviderException",
            "504, gatewayTimeout,             TransientProviderException",
            "408, -,                          TransientProviderException"})
    void failuresAreClassifiedOnStatusAndCode(int status, String code, String expected) {
        ProviderSyncException failure = GraphFailures.classify(status, code, null, "a test call", NOW, null);

        assertThat(failure.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(failure).hasMessageContaining(Integer.toString(status)).hasMessageContaining("a test call");
    }

    @Test
    void aThrottleWaitsWhatGraphSaidOrThirtySecondsWhenItSaidNothing() {
        ProviderThrottledException told = (ProviderThrottledException) GraphFailures.classify(429, "ApplicationThrottled",
                "17", "x", NOW, null);
        ProviderThrottledException untold = (ProviderThrottledException) GraphFailures.classify(429, null, null, "x", NOW, null);
        ProviderThrottledException dated = (ProviderThrottledException) GraphFailures.classify(429, null,
                "Mon, 02 Mar 2026 09:01:00 GMT", "x", NOW, null);

        assertThat(told.retryAfter()).isEqualTo(Duration.ofSeconds(17));
        assertThat(untold.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(dated.retryAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aServiceUnavailableWithRetryAfterIsAThrottle() {
        assertThat(GraphFailures.classify(503, "serviceNotAvailable", "5", "x", NOW, null))
                .isInstanceOfSatisfying(ProviderThrottledException.class,
                        throttled -> assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
    }

    @Test
    void theMessageTextNeverDecides() {
        assertThat(GraphFailures.classify(500, "generalException", null, "the sync state is not found", NOW, null))
                .isInstanceOf(TransientProviderException.class);
    }

    @Test
    void timeoutsAndConnectionFailuresAreTransient() {
        RuntimeException timeout = new RuntimeException(new UncheckedIOException(new SocketTimeoutException("timeout")));

        assertThat(GraphFailures.classify(timeout, "mail delta", NOW)).isInstanceOf(TransientProviderException.class)
                .hasMessageContaining("SocketTimeoutException");
    }

    @Test
    void aClassifiedFailurePassesThroughUnchanged() {
        CursorExpiredException expired = new CursorExpiredException("gone", null);

        assertThat(GraphFailures.classify(expired, "x", NOW)).isSameAs(expired);
    }

    @Test
    void unreadableRetryAfterIsIgnored() {
        assertThat(GraphFailures.parseRetryAfter("soon", NOW)).isEmpty();
        assertThat(GraphFailures.parseRetryAfter(null, NOW)).isEmpty();
        assertThat(GraphFailures.parseRetryAfter("-3", NOW)).contains(Duration.ZERO);
    }
}
