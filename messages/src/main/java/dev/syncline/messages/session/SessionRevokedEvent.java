package dev.syncline.messages.session;

import java.time.Instant;

/** The session ended before its time: none of its refresh tokens, and none of its access tokens, work any more. */
public record SessionRevokedEvent(String sessionId, String userId, String workspaceId, SessionEndReason reason,
                                  Instant revokedAt) {
}
