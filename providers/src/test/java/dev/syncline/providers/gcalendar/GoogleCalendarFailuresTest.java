package dev.syncline.providers.gcalendar;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import dev.syncline.providers.sync.AccessTokenRejectedException;
import dev.syncline.providers.sync.CursorExpiredException;
import dev.syncline.providers.sync.MailboxUnavailableException;
import dev.syncline.providers.sync.ProviderSyncException;
import dev.syncline.providers.sync.ProviderThrottledException;
import dev.syncline.providers.sync.TransientProviderException;
import org.junit.jupiter.api.Test;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GoogleCalendarFailuresTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void unauthorizedMeansTheAccessTokenWasRejected() {
        assertThat(classify(401, "authError", null)).isInstanceOf(AccessTokenRejectedException.class);
    }

    @Test
    void tooManyRequestsIsThrottlingForTheNamedWait() {
        ProviderSyncException failure = classify(429, "rateLimitExceeded", "17");

        assertThat(failure).isInstanceOf(ProviderThrottledException.class);
        assertThat(((ProviderThrottledException) failure).retryAfter()).isEqualTo(Duration.ofSeconds(17));
    }

    @Test
    void rateLimitForbiddenAnswersAreThrottlingWithTheDefaultWait() {
        for (String reason : List.of("rateLimitExceeded", "userRateLimitExceeded")) {
            ProviderSyncException failure = classify(403, reason, null);

            assertThat(failure).isInstanceOf(ProviderThrottledException.class);
            assertThat(((ProviderThrottledException) failure).retryAfter()).isEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void otherForbiddenAnswersMeanTheCalendarCannotBeRead() {
        assertThat(classify(403, "forbidden", null)).isInstanceOf(MailboxUnavailableException.class);
        assertThat(classify(404, "notFound", null)).isInstanceOf(MailboxUnavailableException.class);
        assertThat(classify(400, "invalid", null)).isInstanceOf(MailboxUnavailableException.class);
    }

    @Test
    void goneMeansTheCursorExpired() {
        assertThat(classify(410, "fullSyncRequired", null)).isInstanceOf(CursorExpiredException.class);
        assertThat(classify(410, "updatedMinTooLongAgo", null)).isInstanceOf(CursorExpiredException.class);
    }

    @Test
    void serverErrorsTimeoutsAndDroppedConnectionsAreTransient() {
        assertThat(classify(500, "backendError", null)).isInstanceOf(TransientProviderException.class);
        assertThat(classify(503, null, null)).isInstanceOf(TransientProviderException.class);
        assertThat(GoogleCalendarFailures.classify(new SocketTimeoutException("Read timed out"), NOW))
                .isInstanceOf(TransientProviderException.class);
    }

    @Test
    void theClassificationIgnoresTheMessageText() {
        GoogleJsonResponseException misleading = exception(403, "forbidden", null, "Rate Limit Exceeded");

        assertThat(GoogleCalendarFailures.classify(misleading, NOW)).isInstanceOf(MailboxUnavailableException.class);
    }

    @Test
    void messagesNameStatusAndReasonButNeverTheRequestOrItsAnswer() {
        GoogleJsonResponseException failure = exception(410, "fullSyncRequired", null, "Sync token is no longer valid");

        ProviderSyncException classified = GoogleCalendarFailures.classify(failure, NOW);

        assertThat(classified.getMessage()).contains("410").contains("fullSyncRequired")
                .doesNotContain("Sync token is no longer valid");
        assertThat(classified.getCause()).isNull();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(GoogleCalendarFailures.retryAfter("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(GoogleCalendarFailures.retryAfter("Sun, 01 Mar 2026 09:01:30 GMT", NOW))
                .contains(Duration.ofSeconds(90));
        assertThat(GoogleCalendarFailures.retryAfter("soon", NOW)).isEmpty();
    }

    private static ProviderSyncException classify(int status, String reason, String retryAfter) {
        return GoogleCalendarFailures.classify(exception(status, reason, retryAfter, "message"), NOW);
    }

    private static GoogleJsonResponseException exception(int status, String reason, String retryAfter, String message) {
        HttpHeaders headers = new HttpHeaders();
        if (retryAfter != null) {
            headers.set("Retry-After", retryAfter);
        }
        GoogleJsonError details = new GoogleJsonError();
        details.setCode(status);
        details.setMessage(message);
        if (reason != null) {
            GoogleJsonError.ErrorInfo info = new GoogleJsonError.ErrorInfo();
            info.setReason(reason);
            info.setMessage(message);
            details.setErrors(List.of(info));
        }
        return new GoogleJsonResponseException(new HttpResponseException.Builder(status, "status", headers)
                .setMessage(status + " GET https://www.googleapis.com/calendar/v3/calendars/primary/events?syncToken=secret\n"
                        + message), details);
    }
}
