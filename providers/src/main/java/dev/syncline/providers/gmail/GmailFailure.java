package dev.syncline.providers.gmail;

import dev.syncline.providers.sync.AccessTokenRejectedException;
import dev.syncline.providers.sync.CursorExpiredException;
import dev.syncline.providers.sync.MailboxUnavailableException;
import dev.syncline.providers.sync.ProviderSyncException;
import dev.syncline.providers.sync.ProviderThrottledException;
import dev.syncline.providers.sync.TransientProviderException;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A failed Gmail answer reduced to what decides its meaning: the status, Google's error reasons and the
 * Retry-After. Never the message text, which Google words as it likes, and never a header value that
 * could hold a credential.
 *
 * @param retryAfter the wait Gmail named, or null
 * @param pageToken  whether the call continued from a page token (a refused token means start over)
 */
record GmailFailure(GmailCall call, int status, List<String> reasons, Duration retryAfter, boolean pageToken) {

    private static final Set<String> RATE_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded");

    GmailFailure {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    boolean throttled() {
        return status == 429 || (status == 403 && reasons.stream().anyMatch(RATE_REASONS::contains));
    }

    /** The exception the sync engine acts on; {@code defaultRetryAfter} stands in for a missing Retry-After. */
    ProviderSyncException toException(Duration defaultRetryAfter) {
        String what = call.method() + " answered " + status + (reasons.isEmpty() ? "" : " " + reasons);
        if (status == 401) {
            return new AccessTokenRejectedException("Gmail rejected the access token: " + what, null);
        }
        if (throttled()) {
            return new ProviderThrottledException("Gmail throttled the mailbox: " + what,
                    retryAfter != null ? retryAfter : defaultRetryAfter, null);
        }
        if (status == 404 && call == GmailCall.LIST_HISTORY) {
            return new CursorExpiredException("Gmail no longer has history from this point: " + what, null);
        }
        if (pageToken && (status == 400 || status == 404)) {
            return new CursorExpiredException("Gmail refused the page token: " + what, null);
        }
        if (status >= 500 || status == 408) {
            return new TransientProviderException("Gmail failed for now: " + what, null);
        }
        return new MailboxUnavailableException("Gmail refuses to serve the mailbox: " + what, null);
    }
}
