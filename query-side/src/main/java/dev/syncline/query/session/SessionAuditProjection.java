package dev.syncline.query.session;

import dev.syncline.messages.session.RefreshTokenReuseDetectedEvent;
import dev.syncline.messages.session.SessionExpiredEvent;
import dev.syncline.messages.session.SessionRefreshedEvent;
import dev.syncline.messages.session.SessionRevokedEvent;
import dev.syncline.messages.session.SessionStartedEvent;
import java.time.Instant;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes each step in the life of a session into {@code session_audit}: started (how), refreshed (to which
 * generation), reuse detected, revoked (why), expired (which limit). One row per event, keyed by its global position,
 * so a replay or a duplicate adds nothing and the entries of all sessions interleave in the order they happened. The
 * events carry token hashes; no row does.
 */
@Component
@ProcessingGroup(SessionAuditProjection.PROCESSING_GROUP)
public class SessionAuditProjection {

    /** The processing group, and so the event processor, that runs this projection. */
    public static final String PROCESSING_GROUP = "session-audit";

    private final JdbcClient jdbc;

    public SessionAuditProjection(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @EventHandler
    void on(SessionStartedEvent event, TrackingToken token) {
        append(token, SessionAuditType.SESSION_STARTED, event.sessionId(), event.userId(), event.workspaceId(),
                event.startedAt(), SessionAuditDetails.started(event.method()), event.userAgent());
    }

    @EventHandler
    void on(SessionRefreshedEvent event, TrackingToken token) {
        append(token, SessionAuditType.SESSION_REFRESHED, event.sessionId(), event.userId(), event.workspaceId(),
                event.refreshedAt(), SessionAuditDetails.refreshed(event.generation()), event.userAgent());
    }

    @EventHandler
    void on(RefreshTokenReuseDetectedEvent event, TrackingToken token) {
        append(token, SessionAuditType.REFRESH_TOKEN_REUSE_DETECTED, event.sessionId(), event.userId(), event.workspaceId(),
                event.detectedAt(), SessionAuditDetails.reuseDetected(event.reusedGeneration(), event.currentGeneration()),
                event.userAgent());
    }

    @EventHandler
    void on(SessionRevokedEvent event, TrackingToken token) {
        append(token, SessionAuditType.SESSION_REVOKED, event.sessionId(), event.userId(), event.workspaceId(),
                event.revokedAt(), SessionAuditDetails.revoked(event.reason()), null);
    }

    @EventHandler
    void on(SessionExpiredEvent event, TrackingToken token) {
        append(token, SessionAuditType.SESSION_EXPIRED, event.sessionId(), event.userId(), event.workspaceId(),
                event.expiredAt(), SessionAuditDetails.expired(event.expiry()), null);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM session_audit").update();
    }

    private void append(TrackingToken token, SessionAuditType type, String sessionId, String userId, String workspaceId,
                        Instant occurredAt, String detail, String userAgent) {
        jdbc.sql("""
                        INSERT INTO session_audit (position, type, session_id, user_id, workspace_id, occurred_at, detail, user_agent)
                        VALUES (:position, :type, :sessionId, :userId, :workspaceId, :occurredAt, :detail, :userAgent)
                        ON CONFLICT (position) DO NOTHING
                        """)
                .param("position", position(token))
                .param("type", type.name())
                .param("sessionId", sessionId)
                .param("userId", userId)
                .param("workspaceId", workspaceId)
                .param("occurredAt", UserSessionProjection.utc(occurredAt))
                .param("detail", detail)
                .param("userAgent", userAgent == null || userAgent.isBlank() ? null : userAgent)
                .update();
    }

    /** The event's global position, which orders the audit across sessions. */
    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("Tracking token without a position: " + token));
    }
}
