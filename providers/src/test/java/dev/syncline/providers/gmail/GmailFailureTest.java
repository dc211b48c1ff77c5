package dev.syncline.providers.gmail;

import dev.syncline.providers.sync.AccessTokenRejectedException;
import dev.syncline.providers.sync.CursorExpiredException;
import dev.syncline.providers.sync.MailboxUnavailableException;
import dev.syncline.providers.sync.ProviderSyncException;
import dev.syncline.providers.sync.ProviderThrottledException;
import dev.syncline.providers.sync.TransientProviderException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GmailFailureTest {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    @Test
    void unauthorizedMeansTheTokenWasRejected() {
        assertThat(classify(GmailCall.PROFILE, 401, "authError", false)).isInstanceOf(AccessTokenRejectedException.class);
    }

    @Test
    void tooManyRequestsIsThrottlingWithTheNamedWait() {
        ProviderSyncException exception = new GmailFailure(GmailCall.GET_MESSAGES, 429, List.of("rateLimitExceeded"),
                Duration.ofSeconds(7), false).toException(DEFAULT_WAIT);

        assertThat(exception).isInstanceOfSatisfying(ProviderThrottledException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
    }

    @Test
    void aThrottledAnswerWithoutRetryAfterWaitsTheDefault() {
        assertThat(classify(GmailCall.LIST_MESSAGES, 403, "userRateLimitExceeded", false))
                .isInstanceOfSatisfying(ProviderThrottledException.class, e -> assertThat(e.retryAfter()).isEqualTo(DEFAULT_WAIT));
    }

    @Test
    void forbiddenIsThrottlingOnlyForARateLimitReason() {
        assertThat(classify(GmailCall.LIST_MESSAGES, 403, "rateLimitExceeded", false)).isInstanceOf(ProviderThrottledException.class);
        assertThat(classify(GmailCall.LIST_MESSAGES, 403, "userRateLimitExceeded", false)).isInstanceOf(ProviderThrottledException.class);
        assertThat(classify(GmailCall.LIST_MESSAGES, 403, "forbidden", false)).isInstanceOf(MailboxUnavailableException.class);
    }

    @Test
    void aMissingHistoryMeansTheCursorExpired() {
        assertThat(classify(GmailCall.LIST_HISTORY, 404, "notFound", false)).isInstanceOf(CursorExpiredException.class);
    }

    @Test
    void aRefusedPageTokenMeansStartingOver() {
        assertThat(classify(GmailCall.LIST_MESSAGES, 400, "invalidArgument", true)).isInstanceOf(CursorExpiredException.class);
        assertThat(classify(GmailCall.LIST_MESSAGES, 400, "invalidArgument", false)).isInstanceOf(MailboxUnavailableException.class);
    }

    @Test
    void serverErrorsAreTransient() {
        assertThat(classify(GmailCall.GET_MESSAGES, 500, "backendError", false)).isInstanceOf(TransientProviderException.class);
        assertThat(classify(GmailCall.PROFILE, 503, "backendError", false)).isInstanceOf(TransientProviderException.class);
    }

    @Test
    void aMailServiceThatIsNotEnabledMakesTheMailboxUnavailable() {
        assertThat(classify(GmailCall.PROFILE, 400, "failedPrecondition", false)).isInstanceOf(MailboxUnavailableException.class);
    }

    @Test
    void theMessageNamesTheCallStatusAndReason() {
        assertThat(classify(GmailCall.LIST_HISTORY, 404, "notFound", false))
                .hasMessageContaining("users.history.list").hasMessageContaining("404").hasMessageContaining("notFound");
    }

    private static ProviderSyncException classify(GmailCall call, int status, String reason, boolean pageToken) {
        return new GmailFailure(call, status, List.of(reason), null, pageToken).toException(DEFAULT_WAIT);
    }
}
