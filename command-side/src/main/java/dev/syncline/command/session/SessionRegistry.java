package dev.syncline.command.session;

import dev.syncline.messages.session.SessionExpiredEvent;
import dev.syncline.messages.session.SessionRevokedEvent;
import dev.syncline.messages.session.SessionStartedEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which sessions are active ({@code session_registry}), written by a subscribing processor in the transaction that
 * stores the session's events. So a session is listed the moment its start commits (logout-all and a password change
 * miss none) and unlisted the moment it ends (an access token of a revoked session is refused on its next request).
 * A streaming projection would lag behind the events for that long. Subscribing processors do not replay; the
 * events that fill this table begin with the table itself.
 */
@Component
@ProcessingGroup(SessionRegistry.PROCESSING_GROUP)
public class SessionRegistry {

    /** The processing group, configured as subscribing, that keeps the registry. */
    public static final String PROCESSING_GROUP = "session-registry";

    private final JdbcClient jdbc;

    public SessionRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the user's active sessions, oldest first. */
    public List<String> activeSessionIds(String userId) {
        return jdbc.sql("SELECT session_id FROM session_registry WHERE user_id = :userId AND active ORDER BY started_at, session_id")
                .param("userId", userId)
                .query(String.class)
                .list();
    }

    /** Whether the session has started and neither been revoked nor expired; false for an unknown id. */
    public boolean isActive(String sessionId) {
        return jdbc.sql("SELECT active FROM session_registry WHERE session_id = :sessionId")
                .param("sessionId", sessionId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @EventHandler
    void on(SessionStartedEvent event) {
        jdbc.sql("""
                        INSERT INTO session_registry (session_id, user_id, workspace_id, active, started_at)
                        VALUES (:sessionId, :userId, :workspaceId, TRUE, :startedAt)
                        ON CONFLICT (session_id) DO NOTHING
                        """)
                .param("sessionId", event.sessionId())
                .param("userId", event.userId())
                .param("workspaceId", event.workspaceId())
                .param("startedAt", utc(event.startedAt()))
                .update();
    }

    @EventHandler
    void on(SessionRevokedEvent event) {
        end(event.sessionId(), event.revokedAt());
    }

    @EventHandler
    void on(SessionExpiredEvent event) {
        end(event.sessionId(), event.expiredAt());
    }

    private void end(String sessionId, Instant endedAt) {
        jdbc.sql("UPDATE session_registry SET active = FALSE, ended_at = :endedAt WHERE session_id = :sessionId AND active")
                .param("sessionId", sessionId)
                .param("endedAt", utc(endedAt))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
