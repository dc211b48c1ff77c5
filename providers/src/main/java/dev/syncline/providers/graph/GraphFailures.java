package dev.syncline.providers.graph;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.ResponseHeaders;
import dev.syncline.providers.sync.AccessTokenRejectedException;
import dev.syncline.providers.sync.CursorExpiredException;
import dev.syncline.providers.sync.MailboxUnavailableException;
import dev.syncline.providers.sync.ProviderSyncException;
import dev.syncline.providers.sync.ProviderThrottledException;
import dev.syncline.providers.sync.TransientProviderException;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what went wrong in a Graph call into the sync contract's exceptions, on the HTTP status and Graph's
 * error {@code code} only, never on the message text (which Microsoft rewords):
 * <ul>
 *   <li>{@code MailboxNotEnabledForRESTAPI}, {@code ErrorAccountDisabled}, {@code ErrorNonExistentMailbox}, and
 *       a 404 other than a vanished folder (an inactive, soft-deleted or on-premise mailbox) → unavailable;</li>
 *   <li>401 → access token rejected;</li>
 *   <li>410, {@code syncStateNotFound}, {@code resyncRequired}, {@code syncStateInvalid}, and a 404
 *       {@code ErrorItemNotFound} (the folder a position names is gone) → cursor expired;</li>
 *   <li>429, and 503 with {@code Retry-After} → throttled, waiting {@code Retry-After} (30 s when absent);</li>
 *   <li>other 5xx, 408, timeouts and I/O failures → transient;</li>
 *   <li>any other 4xx → unavailable: the same request would fail the same way again.</li>
 * </ul>
 * The messages name the status, the code and what was asked; never a token or mail content.
 */
final class GraphFailures {

    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private static final Set<String> UNAVAILABLE = Set.of("mailboxnotenabledforrestapi", "erroraccountdisabled",
            "errornonexistentmailbox");
    private static final Set<String> EXPIRED = Set.of("syncstatenotfound", "resyncrequired", "syncstateinvalid");

    private GraphFailures() {
    }

    /** @param what the request in words, e.g. "mail delta of a folder" */
    static ProviderSyncException classify(RuntimeException failure, String what, Instant now) {
        if (failure instanceof ProviderSyncException known) {
            return known;
        }
        ApiException api = causeOfType(failure, ApiException.class);
        if (api != null && api.getResponseStatusCode() > 0) {
            return classify(api.getResponseStatusCode(), codeOf(api), retryAfterOf(api.getResponseHeaders()), what,
                    now, failure);
        }
        IOException io = causeOfType(failure, IOException.class);
        if (io != null) {
            return new TransientProviderException("Graph could not be reached for " + what + " ("
                    + io.getClass().getSimpleName() + ")", failure);
        }
        return new TransientProviderException("Graph call for " + what + " failed (" + failure.getClass().getSimpleName()
                + ")", failure);
    }

    static ProviderSyncException classify(int status, String code, String retryAfterHeader, String what, Instant now,
                                          Throwable cause) {
        String seen = "Graph answered " + status + (code == null ? "" : " " + code) + " to " + what;
        String lower = code == null ? "" : code.toLowerCase(Locale.ROOT);
        Optional<Duration> retryAfter = parseRetryAfter(retryAfterHeader, now);
        if (UNAVAILABLE.contains(lower)) {
            return new MailboxUnavailableException(seen, cause);
        }
        if (status == 401) {
            return new AccessTokenRejectedException(seen, cause);
        }
        if (status == 410 || EXPIRED.contains(lower) || (status == 404 && lower.equals("erroritemnotfound"))) {
            return new CursorExpiredException(seen, cause);
        }
        if (status == 429 || (status == 503 && retryAfter.isPresent())) {
            return new ProviderThrottledException(seen, retryAfter.orElse(DEFAULT_RETRY_AFTER), cause);
        }
        if (status >= 500 || status == 408) {
            return new TransientProviderException(seen, cause);
        }
        return new MailboxUnavailableException(seen, cause);
    }

    /** Seconds, or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant until = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static String codeOf(ApiException api) {
        return api instanceof ODataError error && error.getError() != null ? error.getError().getCode() : null;
    }

    private static String retryAfterOf(ResponseHeaders headers) {
        if (headers == null || headers.get("Retry-After") == null) {
            return null;
        }
        return headers.get("Retry-After").stream().findFirst().orElse(null);
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
