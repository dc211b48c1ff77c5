package dev.syncline.messages.account;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A refresh attempt failed. {@code error} is the OAuth {@code error} code the provider answered (or
 * {@code http_<status>}, {@code timeout}, {@code unreachable} when there was none); {@code description}
 * is the provider's explanation, which never holds a token. A permanent failure is followed by
 * {@link ReauthorizationRequiredEvent}; a transient one names when the next attempt is due.
 */
@Revision("1")
public record AccessTokenRefreshFailedEvent(
        String accountId,
        String error,
        String description,
        boolean permanent,
        int attempt,
        Instant nextAttemptAt,
        RefreshTrigger trigger) {
}
