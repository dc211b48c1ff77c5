package dev.syncline.api.security;

import java.util.UUID;

/**
 * Whether the session an access token belongs to is still active. Asked on every authenticated request,
 * so that logging out, ending a session or detected refresh-token reuse stops the session's access tokens
 * at once instead of when they expire.
 */
@FunctionalInterface
public interface ActiveSessions {

    boolean isActive(UUID sessionId);
}
