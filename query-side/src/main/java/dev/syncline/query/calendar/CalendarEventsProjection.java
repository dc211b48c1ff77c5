package dev.syncline.query.calendar;

import static dev.syncline.query.sealed.ContentColumns.json;
import static dev.syncline.query.sealed.ContentColumns.stableId;
import static dev.syncline.query.sealed.ContentColumns.text;
import static dev.syncline.query.sealed.ContentColumns.textArray;
import static dev.syncline.query.sealed.ContentColumns.utc;

import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.sync.CalendarAttendee;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemStatus;
import dev.syncline.messages.sync.CalendarItemsFetchedEvent;
import dev.syncline.messages.sync.CalendarItemsPageContent;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.query.sealed.AccountContentTable;
import dev.syncline.query.sealed.SealedContentReader;
import java.time.Instant;
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
 * Keeps {@code calendar_events}: the calendar items of every connected account, one row per account and
 * provider item id, opened from the sealed pages of {@link CalendarItemsFetchedEvent}.
 *
 * <p>The same pattern as {@link dev.syncline.query.messages.SyncedMessagesProjection}: batched upserts on
 * (account, external id), then removals (a calendar has no folders, so a removal deletes the row whatever
 * its scope); a completed full sync removes what it did not see; a disconnect deletes the account's rows;
 * pages whose data key was destroyed are skipped. A cancelled item that arrives as an item stays, with
 * status {@code CANCELLED}, so that a client can hide that occurrence of its series.
 */
@Component
@ProcessingGroup(CalendarEventsProjection.PROCESSING_GROUP)
public class CalendarEventsProjection {

    /** The processing group, and so the event processor, that runs this projection. */
    public static final String PROCESSING_GROUP = "calendar-events";

    static final String ID_KIND = "calendar-item";

    private static final Logger log = LoggerFactory.getLogger(CalendarEventsProjection.class);

    private static final String UPSERT = """
            INSERT INTO calendar_events (id, workspace_id, owner_id, account_id, external_id, title, description, location,
                                         starts_at, ends_at, time_zone, all_day, recurrence, series_id, organizer_name,
                                         organizer_address, attendees, status, last_seen_sync, updated_at)
            VALUES (:id, :workspaceId, :ownerId, :accountId, :externalId, :title, :description, :location,
                    :startsAt, :endsAt, :timeZone, :allDay, :recurrence::text[], :seriesId, :organizerName,
                    :organizerAddress, :attendees::jsonb, :status, :syncId, :updatedAt)
            ON CONFLICT (account_id, external_id) DO UPDATE SET
                workspace_id = EXCLUDED.workspace_id, owner_id = EXCLUDED.owner_id, title = EXCLUDED.title,
                description = EXCLUDED.description, location = EXCLUDED.location, starts_at = EXCLUDED.starts_at,
                ends_at = EXCLUDED.ends_at, time_zone = EXCLUDED.time_zone, all_day = EXCLUDED.all_day,
                recurrence = EXCLUDED.recurrence, series_id = EXCLUDED.series_id,
                organizer_name = EXCLUDED.organizer_name, organizer_address = EXCLUDED.organizer_address,
                attendees = EXCLUDED.attendees, status = EXCLUDED.status, last_seen_sync = EXCLUDED.last_seen_sync,
                updated_at = EXCLUDED.updated_at
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final SealedContentReader content;
    private final AccountContentTable rows;
    private final AtomicLong skippedPages = new AtomicLong();

    public CalendarEventsProjection(DataSource dataSource, SealedContentReader content) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.rows = new AccountContentTable(jdbc, "calendar_events");
        this.content = content;
    }

    @EventHandler
    void on(CalendarItemsFetchedEvent event, @Timestamp Instant fetchedAt) {
        Optional<CalendarItemsPageContent> page =
                content.openCalendarItems(event.workspaceId(), event.accountId(), event.sealedContent());
        if (page.isEmpty()) {
            log.info("Skipped page {} of calendar sync {} of account {} ({} items, {} removals): its data key was destroyed; "
                            + "{} pages of calendar items skipped since start",
                    event.page(), event.syncId(), event.accountId(), event.upsertedCount(), event.removedCount(),
                    skippedPages.incrementAndGet());
            return;
        }
        upsert(event, listOf(page.get().upserted()), fetchedAt);
        remove(event.accountId(), listOf(page.get().removed()));
    }

    /** After a full sync of the calendar, whatever of the account it did not see is gone at the provider. */
    @EventHandler
    void on(SyncCompletedEvent event) {
        if (event.channel() != SyncChannel.CALENDAR || event.kind() != SyncKind.FULL) {
            return;
        }
        int removed = rows.removeUnseenBy(event.accountId(), event.syncId());
        if (removed > 0) {
            log.info("Full calendar sync {} of account {} removed {} items the provider no longer has",
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

    /** The row id of a calendar item: the same for the same account and provider id, after every replay. */
    public static UUID idOf(String accountId, String externalId) {
        return stableId(ID_KIND, accountId, externalId);
    }

    private void upsert(CalendarItemsFetchedEvent event, List<CalendarItem> items, Instant fetchedAt) {
        Map<String, CalendarItem> latest = new LinkedHashMap<>();
        int withoutId = 0;
        for (CalendarItem item : items) {
            if (item == null || item.externalId() == null) {
                withoutId++;
            } else {
                latest.remove(item.externalId());
                latest.put(item.externalId(), item);
            }
        }
        if (withoutId > 0) {
            log.warn("Page {} of calendar sync {} of account {} held {} items without an id; they were left out",
                    event.page(), event.syncId(), event.accountId(), withoutId);
        }
        if (!latest.isEmpty()) {
            jdbc.batchUpdate(UPSERT, latest.values().stream()
                    .map(item -> row(event, item, fetchedAt))
                    .toArray(SqlParameterSource[]::new));
        }
    }

    private static SqlParameterSource row(CalendarItemsFetchedEvent event, CalendarItem item, Instant fetchedAt) {
        // An item without an end lasts no time; one without a start is kept but falls in no window.
        Instant endsAt = item.endsAt() != null ? item.endsAt() : item.startsAt();
        return new MapSqlParameterSource()
                .addValue("id", idOf(event.accountId(), item.externalId()))
                .addValue("workspaceId", event.workspaceId())
                .addValue("ownerId", event.ownerId())
                .addValue("accountId", event.accountId())
                .addValue("externalId", item.externalId())
                .addValue("title", text(item.title()))
                .addValue("description", text(item.description()))
                .addValue("location", text(item.location()))
                .addValue("startsAt", utc(item.startsAt()))
                .addValue("endsAt", utc(endsAt))
                .addValue("timeZone", text(item.timeZone()))
                .addValue("allDay", item.allDay())
                .addValue("recurrence", textArray(item.recurrence()))
                .addValue("seriesId", text(item.seriesId()))
                .addValue("organizerName", item.organizer() == null ? null : text(item.organizer().name()))
                .addValue("organizerAddress", item.organizer() == null ? null : text(item.organizer().address()))
                .addValue("attendees", json(attendees(item.attendees())))
                .addValue("status", (item.status() == null ? CalendarItemStatus.CONFIRMED : item.status()).name())
                .addValue("syncId", event.syncId())
                .addValue("updatedAt", utc(fetchedAt));
    }

    private void remove(String accountId, List<RemovedItem> removed) {
        SqlParameterSource[] keys = removed.stream()
                .filter(item -> item != null && item.externalId() != null)
                .map(item -> new MapSqlParameterSource("accountId", accountId).addValue("externalId", item.externalId()))
                .toArray(SqlParameterSource[]::new);
        if (keys.length > 0) {
            jdbc.batchUpdate("DELETE FROM calendar_events WHERE account_id = :accountId AND external_id = :externalId", keys);
        }
    }

    private static List<CalendarAttendee> attendees(List<CalendarAttendee> attendees) {
        return attendees.stream()
                .filter(Objects::nonNull)
                .map(attendee -> new CalendarAttendee(text(attendee.email()), text(attendee.name()), attendee.response()))
                .toList();
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }
}
