package dev.syncline.messages.session;

import java.time.Duration;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Start a session (a refresh-token family) for a user who just logged in. The session id is also the
 * family id; the command carries only the SHA-256 hash of the first refresh token, never the token.
 *
 * @param userAgent        what the client called itself, cut to a sane length; may be empty
 * @param idleTimeout      how long the session survives without a refresh
 * @param absoluteLifetime how long the session lives at most, however often it is refreshed
 */
public record StartSessionCommand(@TargetAggregateIdentifier String sessionId, String userId, String workspaceId,
                                  LoginMethod method, String userAgent, String refreshTokenHash,
                                  Duration idleTimeout, Duration absoluteLifetime) {

    public StartSessionCommand {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(refreshTokenHash, "refreshTokenHash");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteLifetime, "absoluteLifetime");
        userAgent = userAgent == null ? "" : userAgent;
    }
}
