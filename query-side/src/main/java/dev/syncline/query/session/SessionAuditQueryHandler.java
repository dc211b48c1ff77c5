package dev.syncline.query.session;

import dev.syncline.messages.session.FindSessionAuditQuery;
import dev.syncline.messages.session.SessionAuditEntryView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the session audit from {@code session_audit}, which {@link SessionAuditProjection} keeps: of one user, of a
 * workspace, or of everyone, as {@link FindSessionAuditQuery} says. Who may ask for which is the caller's to check.
 */
@Component
public class SessionAuditQueryHandler {

    private final JdbcClient jdbc;

    public SessionAuditQueryHandler(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The newest {@code limit} entries, oldest first. */
    @QueryHandler
    public List<SessionAuditEntryView> handle(FindSessionAuditQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.userId() != null) {
            conditions.add("user_id = :userId");
            params.put("userId", query.userId());
        }
        if (query.workspaceId() != null) {
            conditions.add("workspace_id = :workspaceId");
            params.put("workspaceId", query.workspaceId());
        }
        params.put("limit", query.limit());
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions);
        return jdbc.sql("""
                        SELECT position, type, session_id, user_id, occurred_at, detail, user_agent
                          FROM (SELECT * FROM session_audit %s ORDER BY position DESC LIMIT :limit) newest
                         ORDER BY position
                        """.formatted(where))
                .params(params)
                .query(SessionAuditQueryHandler::view)
                .list();
    }

    private static SessionAuditEntryView view(ResultSet rs, int row) throws SQLException {
        return new SessionAuditEntryView(
                rs.getLong("position"),
                rs.getString("type"),
                rs.getString("session_id"),
                rs.getString("user_id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("detail"),
                rs.getString("user_agent"));
    }
}
