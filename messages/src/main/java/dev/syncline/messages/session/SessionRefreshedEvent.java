package dev.syncline.messages.session;

import java.time.Instant;

/**
 * The session's current refresh token was exchanged for its successor (generation {@code generation},
 * the first token being generation 0); every earlier token of the family is now a reused one.
 */
public record SessionRefreshedEvent(String sessionId, String userId, String workspaceId, int generation,
                                    String refreshTokenHash, String userAgent, Instant refreshedAt,
                                    Instant idleExpiresAt) {
}
