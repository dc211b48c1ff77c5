package dev.syncline.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.syncline.messages.account.AuditEntryView;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads and writes the tables {@code account_audit} and {@code account_audit_owner}. Every projection that
 * adds steps to an account's timeline writes through this class, so that all rows have the same shape.
 */
final class AuditLog {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the entry once: a second delivery of the same event is ignored. */
    void append(AuditEntry entry) {
        jdbc.sql("""
                        INSERT INTO account_audit (event_id, position, account_id, occurred_at, type, actor, cause, summary, details)
                        VALUES (:eventId, :position, :accountId, :occurredAt, :type, :actor, :cause, :summary, :details::jsonb)
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                .param("eventId", entry.eventId())
                .param("position", entry.position())
                .param("accountId", entry.accountId())
                .param("occurredAt", entry.occurredAt().atOffset(ZoneOffset.UTC))
                .param("type", entry.type())
                .param("actor", entry.actor())
                .param("cause", entry.cause())
                .param("summary", entry.summary())
                .param("details", toJson(entry.details()))
                .update();
    }

    /** Remembers who owns the account; the first connection decides, as an account never changes hands. */
    void owner(String accountId, String workspaceId, String ownerId) {
        jdbc.sql("""
                        INSERT INTO account_audit_owner (account_id, workspace_id, owner_id)
                        VALUES (:accountId, :workspaceId, :ownerId)
                        ON CONFLICT (account_id) DO NOTHING
                        """)
                .param("accountId", accountId)
                .param("workspaceId", workspaceId)
                .param("ownerId", ownerId)
                .update();
    }

    /** The account's timeline, oldest first, or nothing when the account is not the given owner's. */
    List<AuditEntryView> timeline(String accountId, String workspaceId, String ownerId) {
        return jdbc.sql("""
                        SELECT a.position, a.occurred_at, a.type, a.actor, a.cause, a.summary, a.details::text AS details
                          FROM account_audit a
                          JOIN account_audit_owner o ON o.account_id = a.account_id
                         WHERE a.account_id = :accountId AND o.workspace_id = :workspaceId AND o.owner_id = :ownerId
                         ORDER BY a.position, a.event_id
                        """)
                .param("accountId", accountId)
                .param("workspaceId", workspaceId)
                .param("ownerId", ownerId)
                .query(this::view)
                .list();
    }

    void clear() {
        jdbc.sql("DELETE FROM account_audit").update();
        jdbc.sql("DELETE FROM account_audit_owner").update();
    }

    private AuditEntryView view(ResultSet rs, int row) throws SQLException {
        return new AuditEntryView(
                rs.getLong("position"),
                rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getString("type"),
                rs.getString("actor"),
                rs.getString("cause"),
                rs.getString("summary"),
                fromJson(rs.getString("details")));
    }

    private String toJson(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write audit details as JSON", e);
        }
    }

    private Map<String, Object> fromJson(String details) {
        try {
            return json.readValue(details, DETAILS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot read audit details", e);
        }
    }
}
