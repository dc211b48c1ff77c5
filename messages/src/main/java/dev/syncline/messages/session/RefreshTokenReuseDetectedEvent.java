package dev.syncline.messages.session;

import java.time.Instant;

/**
 * A refresh token of the session that had already been rotated was presented again: someone holds a
 * copy. A {@link SessionRevokedEvent} for the whole family follows.
 *
 * @param reusedGeneration  the generation of the presented token
 * @param currentGeneration the generation of the token that was valid until now
 */
public record RefreshTokenReuseDetectedEvent(String sessionId, String userId, String workspaceId, int reusedGeneration,
                                             int currentGeneration, String userAgent, Instant detectedAt) {
}
