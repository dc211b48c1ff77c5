package dev.syncline.query.messages;

import static dev.syncline.query.sealed.ContentColumns.instant;
import static dev.syncline.query.sealed.ContentColumns.jsonList;
import static dev.syncline.query.sealed.ContentColumns.utc;

import dev.syncline.messages.sync.AttachmentInfo;
import dev.syncline.messages.sync.EmailAddress;
import dev.syncline.messages.sync.FindMessageQuery;
import dev.syncline.messages.sync.FindMessagesQuery;
import dev.syncline.messages.sync.MessageListView;
import dev.syncline.messages.sync.MessageSummaryView;
import dev.syncline.messages.sync.MessageView;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the message queries from {@code synced_messages}, which {@link SyncedMessagesProjection} keeps.
 * Every answer is limited to the caller's own messages in the caller's workspace: another user's message
 * is simply not there.
 */
@Component
public class MessageQueryHandler {

    private static final String SUMMARY_COLUMNS = """
            id, account_id, external_id, thread_id, folder_id, labels, from_name, from_address,
            to_addresses::text AS to_addresses, cc_addresses::text AS cc_addresses, subject, snippet, received_at, unread,
            has_attachments""";

    private final NamedParameterJdbcTemplate jdbc;

    public MessageQueryHandler(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /**
     * One page of the caller's messages, newest first (ties broken by id), continued with keyset pagination.
     *
     * @throws IllegalArgumentException if the page token is malformed
     */
    @QueryHandler
    public MessageListView handle(FindMessagesQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("workspaceId", query.workspaceId())
                .addValue("ownerId", query.ownerId())
                .addValue("limit", query.limit() + 1);
        List<String> conditions = new ArrayList<>(List.of("workspace_id = :workspaceId", "owner_id = :ownerId"));
        if (query.accountId() != null) {
            conditions.add("account_id = :accountId");
            params.addValue("accountId", query.accountId());
        }
        if (query.folder() != null) {
            conditions.add("""
                    (lower(folder_id) = lower(:folder)
                     OR EXISTS (SELECT 1 FROM unnest(labels) AS label WHERE lower(label) = lower(:folder)))""");
            params.addValue("folder", query.folder());
        }
        if (query.sender() != null) {
            // strpos rather than LIKE, so that % and _ in what the user typed are only characters.
            conditions.add("(strpos(lower(from_address), lower(:sender)) > 0 OR strpos(lower(from_name), lower(:sender)) > 0)");
            params.addValue("sender", query.sender());
        }
        if (query.receivedAfter() != null) {
            conditions.add("received_at >= :after");
            params.addValue("after", utc(query.receivedAfter()));
        }
        if (query.receivedBefore() != null) {
            conditions.add("received_at < :before");
            params.addValue("before", utc(query.receivedBefore()));
        }
        if (query.unread() != null) {
            conditions.add("unread = :unread");
            params.addValue("unread", query.unread());
        }
        if (query.pageToken() != null) {
            MessagePageToken after = MessagePageToken.decode(query.pageToken());
            conditions.add("(received_at, id) < (:keyReceivedAt, :keyId)");
            params.addValue("keyReceivedAt", utc(after.receivedAt())).addValue("keyId", after.id());
        }
        List<MessageSummaryView> rows = jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM synced_messages WHERE "
                        + String.join(" AND ", conditions) + " ORDER BY received_at DESC, id DESC LIMIT :limit",
                params, MessageQueryHandler::summary);
        if (rows.size() <= query.limit()) {
            return new MessageListView(rows, null);
        }
        List<MessageSummaryView> page = rows.subList(0, query.limit());
        MessageSummaryView last = page.get(page.size() - 1);
        return new MessageListView(page, new MessagePageToken(last.receivedAt(), UUID.fromString(last.id())).encode());
    }

    /** The message with its body if the caller owns it; empty for an unknown id and for anyone else's message. */
    @QueryHandler
    public Optional<MessageView> handle(FindMessageQuery query) {
        UUID id;
        try {
            id = UUID.fromString(query.messageId());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.query("SELECT " + SUMMARY_COLUMNS + """
                                , body, body_truncated, attachments::text AS attachments, updated_at
                                 FROM synced_messages
                                WHERE id = :id AND workspace_id = :workspaceId AND owner_id = :ownerId
                                """,
                        new MapSqlParameterSource("id", id)
                                .addValue("workspaceId", query.workspaceId())
                                .addValue("ownerId", query.ownerId()),
                        MessageQueryHandler::message)
                .stream()
                .findFirst();
    }

    private static MessageSummaryView summary(ResultSet rs, int row) throws SQLException {
        return new MessageSummaryView(
                rs.getString("id"),
                rs.getString("account_id"),
                rs.getString("external_id"),
                rs.getString("thread_id"),
                rs.getString("folder_id"),
                labels(rs.getArray("labels")),
                from(rs),
                jsonList(rs.getString("to_addresses"), EmailAddress.class),
                jsonList(rs.getString("cc_addresses"), EmailAddress.class),
                rs.getString("subject"),
                rs.getString("snippet"),
                instant(rs.getObject("received_at", OffsetDateTime.class)),
                rs.getBoolean("unread"),
                rs.getBoolean("has_attachments"));
    }

    private static MessageView message(ResultSet rs, int row) throws SQLException {
        MessageSummaryView summary = summary(rs, row);
        return new MessageView(
                summary.id(),
                summary.accountId(),
                summary.externalId(),
                summary.threadId(),
                summary.folderId(),
                summary.labels(),
                summary.from(),
                summary.to(),
                summary.cc(),
                summary.subject(),
                summary.snippet(),
                rs.getString("body"),
                rs.getBoolean("body_truncated"),
                summary.receivedAt(),
                summary.unread(),
                summary.hasAttachments(),
                jsonList(rs.getString("attachments"), AttachmentInfo.class),
                instant(rs.getObject("updated_at", OffsetDateTime.class)));
    }

    private static EmailAddress from(ResultSet rs) throws SQLException {
        String name = rs.getString("from_name");
        String address = rs.getString("from_address");
        return name == null && address == null ? null : new EmailAddress(name, address);
    }

    private static List<String> labels(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
