package dev.syncline.messages.session;

import java.time.Instant;

/** The session reached its idle timeout or its absolute lifetime; the user has to log in again. */
public record SessionExpiredEvent(String sessionId, String userId, String workspaceId, SessionExpiry expiry,
                                  Instant expiredAt) {
}
