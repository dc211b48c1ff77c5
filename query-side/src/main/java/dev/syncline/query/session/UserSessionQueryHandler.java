package dev.syncline.query.session;

import dev.syncline.messages.session.FindActiveSessionsQuery;
import dev.syncline.messages.session.LoginMethod;
import dev.syncline.messages.session.SessionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the caller's active sessions from {@code user_session}, which {@link UserSessionProjection} keeps. Active
 * means not ended and both expiries still ahead by the clock: a session past a limit is over even before its expiry
 * event arrives, and it is not shown as one the owner could still end.
 */
@Component
public class UserSessionQueryHandler {

    private final JdbcClient jdbc;
    private final Clock clock;

    public UserSessionQueryHandler(DataSource dataSource, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = clock;
    }

    /** The user's active sessions in their workspace, most recently used first. */
    @QueryHandler
    public List<SessionView> handle(FindActiveSessionsQuery query) {
        return jdbc.sql("""
                        SELECT session_id, method, user_agent, started_at, last_used_at, idle_expires_at, absolute_expires_at
                          FROM user_session
                         WHERE workspace_id = :workspaceId AND user_id = :userId AND ended_at IS NULL
                           AND idle_expires_at > :now AND absolute_expires_at > :now
                         ORDER BY last_used_at DESC, session_id
                        """)
                .param("workspaceId", query.workspaceId())
                .param("userId", query.userId())
                .param("now", UserSessionProjection.utc(clock.instant()))
                .query(UserSessionQueryHandler::view)
                .list();
    }

    private static SessionView view(ResultSet rs, int row) throws SQLException {
        return new SessionView(
                rs.getString("session_id"),
                LoginMethod.valueOf(rs.getString("method")),
                rs.getString("user_agent"),
                instant(rs, "started_at"),
                instant(rs, "last_used_at"),
                instant(rs, "idle_expires_at"),
                instant(rs, "absolute_expires_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
