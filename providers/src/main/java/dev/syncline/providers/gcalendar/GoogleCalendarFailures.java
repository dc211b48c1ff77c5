package dev.syncline.providers.gcalendar;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
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
import java.util.Optional;
import java.util.Set;

/**
 * Classifies a failed Calendar API call by HTTP status and Google's error {@code reason}, never by the
 * message text, which Google rewords at will. HTTP failures are not kept as the cause: the SDK's
 * exception message repeats the request URL (sync and page tokens included) and the response body.
 */
final class GoogleCalendarFailures {

    /** Google's 403 rate-limit answers carry no Retry-After; half a minute lets a per-minute quota recover. */
    static final Duration DEFAULT_THROTTLE_WAIT = Duration.ofSeconds(30);

    private static final Set<String> RATE_LIMIT_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded");

    private GoogleCalendarFailures() {
    }

    static ProviderSyncException classify(IOException failure, Instant now) {
        if (!(failure instanceof HttpResponseException http)) {
            return new TransientProviderException("Google Calendar could not be reached or did not answer in time ("
                    + failure.getClass().getSimpleName() + ")", failure);
        }
        int status = http.getStatusCode();
        String reason = reason(http).orElse("none");
        String answered = "Google Calendar answered " + status + " (reason " + reason + ")";
        if (status == 401) {
            return new AccessTokenRejectedException(answered + ": the access token was rejected", null);
        }
        if (status == 429 || (status == 403 && RATE_LIMIT_REASONS.contains(reason))) {
            Duration wait = retryAfter(http.getHeaders().getRetryAfter(), now).orElse(DEFAULT_THROTTLE_WAIT);
            return new ProviderThrottledException(answered + ": the mailbox is throttled for " + wait.toSeconds() + " s",
                    wait, null);
        }
        if (status == 410) {
            return new CursorExpiredException(answered + ": the sync position expired, a full sync is required", null);
        }
        if (status >= 500 || status == 408) {
            return new TransientProviderException(answered + ": worth retrying later", null);
        }
        if (status >= 400) {
            return new MailboxUnavailableException(answered + ": the calendar cannot be read", null);
        }
        return new TransientProviderException("Google Calendar answered an unexpected " + status, null);
    }

    private static Optional<String> reason(HttpResponseException http) {
        if (!(http instanceof GoogleJsonResponseException json) || json.getDetails() == null
                || json.getDetails().getErrors() == null) {
            return Optional.empty();
        }
        return json.getDetails().getErrors().stream()
                .map(GoogleJsonError.ErrorInfo::getReason)
                .filter(reason -> reason != null && !reason.isBlank())
                .findFirst();
    }

    /** Retry-After is either whole seconds or an HTTP date; anything else counts as absent. */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
