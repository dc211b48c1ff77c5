package dev.syncline.api.session;

import dev.syncline.messages.session.LoginMethod;
import dev.syncline.messages.session.SessionView;
import java.time.Instant;
import java.util.UUID;

/** One of the caller's active sessions; {@code current} marks the one their access token belongs to. */
public record CallersSession(String id, LoginMethod method, String userAgent, Instant createdAt, Instant lastUsedAt,
                             Instant idleExpiresAt, Instant absoluteExpiresAt, boolean current) {

    static CallersSession of(SessionView view, UUID callersSession) {
        return new CallersSession(view.sessionId(), view.method(), view.userAgent(), view.startedAt(), view.lastUsedAt(),
                view.idleExpiresAt(), view.absoluteExpiresAt(), view.sessionId().equals(callersSession.toString()));
    }
}
