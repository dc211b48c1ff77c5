package dev.syncline.messages.session;

import java.time.Instant;

/**
 * A user logged in and a session (refresh-token family) began with its first refresh token,
 * known here only by its SHA-256 hash.
 */
public record SessionStartedEvent(String sessionId, String userId, String workspaceId, LoginMethod method,
                                  String userAgent, String refreshTokenHash, Instant startedAt,
                                  Instant idleExpiresAt, Instant absoluteExpiresAt) {
}
