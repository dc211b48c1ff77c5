package dev.syncline.messages.session;

import java.time.Instant;

/** One active session as its owner sees it in the list of their sessions. */
public record SessionView(String sessionId, LoginMethod method, String userAgent, Instant startedAt,
                          Instant lastUsedAt, Instant idleExpiresAt, Instant absoluteExpiresAt) {
}
