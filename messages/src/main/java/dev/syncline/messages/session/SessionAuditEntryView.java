package dev.syncline.messages.session;

import java.time.Instant;

/**
 * One step in the life of a session: {@code type} is SESSION_STARTED, SESSION_REFRESHED,
 * REFRESH_TOKEN_REUSE_DETECTED, SESSION_REVOKED or SESSION_EXPIRED; {@code detail} says how or why in
 * words (login method, generation, end reason); {@code userAgent} is the client that caused it, when
 * known. Never a token or a token hash.
 */
public record SessionAuditEntryView(long position, String type, String sessionId, String userId, Instant occurredAt,
                                    String detail, String userAgent) {
}
