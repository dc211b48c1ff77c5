package dev.syncline.query.messages;

import static dev.syncline.query.sealed.ContentColumns.cut;
import static dev.syncline.query.sealed.ContentColumns.json;
import static dev.syncline.query.sealed.ContentColumns.stableId;
import static dev.syncline.query.sealed.ContentColumns.text;
import static dev.syncline.query.sealed.ContentColumns.textArray;
import static dev.syncline.query.sealed.ContentColumns.utc;

import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.sync.AttachmentInfo;
import dev.syncline.messages.sync.EmailAddress;
import dev.syncline.messages.sync.MessagesFetchedEvent;
import dev.syncline.messages.sync.MessagesPageContent;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.messages.sync.SyncedMessage;
import dev.syncline.query.sealed.AccountContentTable;
import dev.syncline.query.sealed.SealedContentReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code synced_messages}: the mail of every connected account, one row per account and provider
 * message id, opened from the sealed pages of {@link MessagesFetchedEvent}.
 *
 * <p>Each page is written with one JDBC batch of upserts on (account, external id), so a duplicate page or
 * a replay rewrites the same rows with the same ids, then one batch of removals. A row remembers the sync
 * that last saw it, so that a completed full sync removes exactly what the provider no longer has. Pages
 * whose data key was destroyed are skipped; a disconnect deletes the account's rows. Events of one account
 * are handled in order ({@link dev.syncline.query.sequencing.AccountSequencingPolicy}).
 */
@Component
@ProcessingGroup(SyncedMessagesProjection.PROCESSING_GROUP)
public class SyncedMessagesProjection {

    /** The processing group, and so the event processor, that runs this projection. */
    public static final String PROCESSING_GROUP = "synced-messages";

    /** Bodies longer than this many characters are cut and flagged; the adapters usually cut them first. */
    static final int MAX_BODY_CHARS = 256 * 1024;

    static final String ID_KIND = "message";

    private static final Logger log = LoggerFactory.getLogger(SyncedMessagesProjection.class);

    private static final String UPSERT = """
            INSERT INTO synced_messages (id, workspace_id, owner_id, account_id, external_id, thread_id, folder_id, labels,
                                         from_name, from_address, to_addresses, cc_addresses, subject, snippet, body,
                                         body_truncated, received_at, unread, has_attachments, attachments,
                                         last_seen_sync, updated_at)
            VALUES (:id, :workspaceId, :ownerId, :accountId, :externalId, :threadId, :folderId, :labels::text[],
                    :fromName, :fromAddress, :to::jsonb, :cc::jsonb, :subject, :snippet, :body,
                    :bodyTruncated, :receivedAt, :unread, :hasAttachments, :attachments::jsonb,
                    :syncId, :updatedAt)
            ON CONFLICT (account_id, external_id) DO UPDATE SET
                workspace_id = EXCLUDED.workspace_id, owner_id = EXCLUDED.owner_id, thread_id = EXCLUDED.thread_id,
                folder_id = EXCLUDED.folder_id, labels = EXCLUDED.labels, from_name = EXCLUDED.from_name,
                from_address = EXCLUDED.from_address, to_addresses = EXCLUDED.to_addresses,
                cc_addresses = EXCLUDED.cc_addresses, subject = EXCLUDED.subject, snippet = EXCLUDED.snippet,
                body = EXCLUDED.body, body_truncated = EXCLUDED.body_truncated, received_at = EXCLUDED.received_at,
                unread = EXCLUDED.unread, has_attachments = EXCLUDED.has_attachments,
                attachments = EXCLUDED.attachments, last_seen_sync = EXCLUDED.last_seen_sync,
                updated_at = EXCLUDED.updated_at
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final SealedContentReader content;
    private final AccountContentTable rows;
    private final AtomicLong skippedPages = new AtomicLong();

    public SyncedMessagesProjection(DataSource dataSource, SealedContentReader content) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.rows = new AccountContentTable(jdbc, "synced_messages");
        this.content = content;
    }

    @EventHandler
    void on(MessagesFetchedEvent event, @Timestamp Instant fetchedAt) {
        Optional<MessagesPageContent> page = content.openMessages(event.workspaceId(), event.accountId(), event.sealedContent());
        if (page.isEmpty()) {
            log.info("Skipped page {} of mail sync {} of account {} ({} messages, {} removals): its data key was destroyed; "
                            + "{} pages of mail skipped since start",
                    event.page(), event.syncId(), event.accountId(), event.upsertedCount(), event.removedCount(),
                    skippedPages.incrementAndGet());
            return;
        }
        upsert(event, listOf(page.get().upserted()), fetchedAt);
        remove(event.accountId(), listOf(page.get().removed()));
    }

    /** After a full sync of the mail, whatever of the account it did not see is gone at the provider. */
    @EventHandler
    void on(SyncCompletedEvent event) {
        if (event.channel() != SyncChannel.MAIL || event.kind() != SyncKind.FULL) {
            return;
        }
        int removed = rows.removeUnseenBy(event.accountId(), event.syncId());
        if (removed > 0) {
            log.info("Full mail sync {} of account {} removed {} messages the provider no longer has",
                    event.syncId(), event.accountId(), removed);
        }
    }

    @EventHandler
    void on(AccountDisconnectedEvent event) {
        rows.removeAccount(event.accountId());
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }

    /** How many pages were skipped since start because their content could no longer be opened. */
    long skippedPages() {
        return skippedPages.get();
    }

    private void upsert(MessagesFetchedEvent event, List<SyncedMessage> messages, Instant fetchedAt) {
        // One statement per message, so a page that lists a message twice needs the last one only.
        Map<String, SyncedMessage> latest = new LinkedHashMap<>();
        int withoutId = 0;
        for (SyncedMessage message : messages) {
            if (message == null || message.externalId() == null) {
                withoutId++;
            } else {
                latest.remove(message.externalId());
                latest.put(message.externalId(), message);
            }
        }
        if (withoutId > 0) {
            log.warn("Page {} of mail sync {} of account {} held {} messages without an id; they were left out",
                    event.page(), event.syncId(), event.accountId(), withoutId);
        }
        if (latest.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = latest.values().stream()
                .map(message -> row(event, message, fetchedAt))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate(UPSERT, rows);
    }

    private static SqlParameterSource row(MessagesFetchedEvent event, SyncedMessage message, Instant fetchedAt) {
        String body = text(message.body());
        boolean tooLong = body != null && body.length() > MAX_BODY_CHARS;
        EmailAddress from = message.from();
        return new MapSqlParameterSource()
                .addValue("id", idOf(event.accountId(), message.externalId()))
                .addValue("workspaceId", event.workspaceId())
                .addValue("ownerId", event.ownerId())
                .addValue("accountId", event.accountId())
                .addValue("externalId", message.externalId())
                .addValue("threadId", text(message.threadId()))
                .addValue("folderId", text(message.folderId()))
                .addValue("labels", textArray(message.labels()))
                .addValue("fromName", from == null ? null : text(from.name()))
                .addValue("fromAddress", from == null ? null : text(from.address()))
                .addValue("to", json(addresses(message.to())))
                .addValue("cc", json(addresses(message.cc())))
                .addValue("subject", text(message.subject()))
                .addValue("snippet", text(message.snippet()))
                .addValue("body", tooLong ? cut(body, MAX_BODY_CHARS) : body)
                .addValue("bodyTruncated", message.bodyTruncated() || tooLong)
                // A message without a date (a Graph draft, say) sorts by when it was fetched, which replays keep.
                .addValue("receivedAt", utc(message.receivedAt() != null ? message.receivedAt() : fetchedAt))
                .addValue("unread", message.unread())
                .addValue("hasAttachments", !message.attachments().isEmpty())
                .addValue("attachments", json(attachments(message.attachments())))
                .addValue("syncId", event.syncId())
                .addValue("updatedAt", utc(fetchedAt));
    }

    private void remove(String accountId, List<RemovedItem> removed) {
        List<SqlParameterSource> everywhere = new ArrayList<>();
        List<SqlParameterSource> inFolder = new ArrayList<>();
        for (RemovedItem item : removed) {
            if (item == null || item.externalId() == null) {
                continue;
            }
            MapSqlParameterSource key = new MapSqlParameterSource("accountId", accountId).addValue("externalId", item.externalId());
            if (item.scope() == null) {
                everywhere.add(key);
            } else {
                inFolder.add(key.addValue("scope", item.scope()));
            }
        }
        if (!everywhere.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM synced_messages WHERE account_id = :accountId AND external_id = :externalId",
                    everywhere.toArray(SqlParameterSource[]::new));
        }
        if (!inFolder.isEmpty()) {
            // The message may have moved to another folder since; only a row still in the folder it left goes.
            jdbc.batchUpdate("""
                            DELETE FROM synced_messages
                             WHERE account_id = :accountId AND external_id = :externalId AND folder_id = :scope
                            """,
                    inFolder.toArray(SqlParameterSource[]::new));
        }
    }

    private static List<EmailAddress> addresses(List<EmailAddress> addresses) {
        return addresses.stream()
                .filter(Objects::nonNull)
                .map(address -> new EmailAddress(text(address.name()), text(address.address())))
                .toList();
    }

    private static List<AttachmentInfo> attachments(List<AttachmentInfo> attachments) {
        return attachments.stream()
                .filter(Objects::nonNull)
                .map(attachment -> new AttachmentInfo(text(attachment.name()), text(attachment.contentType()), attachment.size()))
                .toList();
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The row id of a message: the same for the same account and provider id, after every replay. */
    public static UUID idOf(String accountId, String externalId) {
        return stableId(ID_KIND, accountId, externalId);
    }
}
