package dev.syncline.messages.session;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Exchange the session's current refresh token for its successor. Answered with a
 * {@link SessionRefreshResult}: a rejection is an answer, not an exception, so that the events it
 * records (reuse detected, session revoked or expired) are stored.
 *
 * @param presentedTokenHash SHA-256 of the refresh token the client presented
 * @param successorTokenHash SHA-256 of the refresh token that replaces it if it is accepted
 */
public record RefreshSessionCommand(@TargetAggregateIdentifier String sessionId, String presentedTokenHash,
                                    String successorTokenHash, String userAgent) {

    public RefreshSessionCommand {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(presentedTokenHash, "presentedTokenHash");
        Objects.requireNonNull(successorTokenHash, "successorTokenHash");
        userAgent = userAgent == null ? "" : userAgent;
    }
}
