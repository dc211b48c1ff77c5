package dev.syncline.query.session;

import dev.syncline.messages.session.SessionExpiredEvent;
import dev.syncline.messages.session.SessionRefreshedEvent;
import dev.syncline.messages.session.SessionRevokedEvent;
import dev.syncline.messages.session.SessionStartedEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code user_session}: one row per session with its client, login method, when it started and was last used,
 * its two expiries and how it ended. Every write is guarded by the aggregate sequence number of the last event applied
 * to the row, so a replay, a duplicate or a late redelivery leaves the row as it is. Ended sessions stay, for the
 * record; {@link UserSessionQueryHandler} lists only the active ones.
 */
@Component
@ProcessingGroup(UserSessionProjection.PROCESSING_GROUP)
public class UserSessionProjection {

    /** The processing group, and so the event processor, that runs this projection. */
    public static final String PROCESSING_GROUP = "user-sessions";

    private final JdbcClient jdbc;

    public UserSessionProjection(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @EventHandler
    void on(SessionStartedEvent event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        INSERT INTO user_session (session_id, user_id, workspace_id, method, user_agent, started_at, last_used_at,
                                                  idle_expires_at, absolute_expires_at, last_sequence)
                        VALUES (:sessionId, :userId, :workspaceId, :method, :userAgent, :startedAt, :startedAt,
                                :idleExpiresAt, :absoluteExpiresAt, :sequence)
                        ON CONFLICT (session_id) DO NOTHING
                        """)
                .param("sessionId", event.sessionId())
                .param("userId", event.userId())
                .param("workspaceId", event.workspaceId())
                .param("method", event.method().name())
                .param("userAgent", event.userAgent() == null ? "" : event.userAgent())
                .param("startedAt", utc(event.startedAt()))
                .param("idleExpiresAt", utc(event.idleExpiresAt()))
                .param("absoluteExpiresAt", utc(event.absoluteExpiresAt()))
                .param("sequence", sequence)
                .update();
    }

    /** A refresh is a use; the client it names is the one the owner now sees (a browser updates its user agent). */
    @EventHandler
    void on(SessionRefreshedEvent event, @SequenceNumber long sequence) {
        jdbc.sql("""
                        UPDATE user_session
                           SET last_used_at = :refreshedAt, idle_expires_at = :idleExpiresAt,
                               user_agent = CASE WHEN :userAgent = '' THEN user_agent ELSE :userAgent END,
                               last_sequence = :sequence
                         WHERE session_id = :sessionId AND last_sequence < :sequence
                        """)
                .param("sessionId", event.sessionId())
                .param("refreshedAt", utc(event.refreshedAt()))
                .param("idleExpiresAt", utc(event.idleExpiresAt()))
                .param("userAgent", event.userAgent() == null ? "" : event.userAgent())
                .param("sequence", sequence)
                .update();
    }

    @EventHandler
    void on(SessionRevokedEvent event, @SequenceNumber long sequence) {
        end(event.sessionId(), event.revokedAt(), event.reason().name(), sequence);
    }

    @EventHandler
    void on(SessionExpiredEvent event, @SequenceNumber long sequence) {
        end(event.sessionId(), event.expiredAt(), event.expiry().name() + "_EXPIRY", sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM user_session").update();
    }

    private void end(String sessionId, Instant endedAt, String reason, long sequence) {
        jdbc.sql("""
                        UPDATE user_session
                           SET ended_at = :endedAt, end_reason = :reason, last_sequence = :sequence
                         WHERE session_id = :sessionId AND last_sequence < :sequence
                        """)
                .param("sessionId", sessionId)
                .param("endedAt", utc(endedAt))
                .param("reason", reason)
                .param("sequence", sequence)
                .update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
