package dev.syncline.query.sealed;

import dev.syncline.messages.sync.AttendeeResponse;
import dev.syncline.messages.sync.CalendarAttendee;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemStatus;
import dev.syncline.messages.sync.CalendarItemsFetchedEvent;
import dev.syncline.messages.sync.CalendarItemsPageContent;
import dev.syncline.messages.sync.EmailAddress;
import dev.syncline.messages.sync.MessagesFetchedEvent;
import dev.syncline.messages.sync.MessagesPageContent;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.messages.sync.SyncedMessage;
import java.time.Instant;
import java.util.List;

/** Builds the sync events the content projections handle, with their content sealed as plain JSON. */
public final class ContentEvents {

    public static final String WORKSPACE = "ws-1";
    public static final String OWNER = "user-alice";

    private ContentEvents() {
    }

    public static MessagesFetchedEvent mailPage(String accountId, String syncId, List<SyncedMessage> upserted,
                                                List<RemovedItem> removed) {
        return mailPage(WORKSPACE, OWNER, accountId, syncId, upserted, removed);
    }

    public static MessagesFetchedEvent mailPage(String workspaceId, String ownerId, String accountId, String syncId,
                                                List<SyncedMessage> upserted, List<RemovedItem> removed) {
        byte[] sealed = PlainJsonSealedContent.seal(new MessagesPageContent(upserted, removed));
        return new MessagesFetchedEvent(SyncChannel.MAIL.streamIdFor(accountId), accountId, workspaceId, ownerId, syncId, 1,
                upserted.size(), removed.size(), upserted.size(), null, null, sealed);
    }

    public static CalendarItemsFetchedEvent calendarPage(String accountId, String syncId, List<CalendarItem> upserted,
                                                         List<RemovedItem> removed) {
        return calendarPage(WORKSPACE, OWNER, accountId, syncId, upserted, removed);
    }

    public static CalendarItemsFetchedEvent calendarPage(String workspaceId, String ownerId, String accountId, String syncId,
                                                         List<CalendarItem> upserted, List<RemovedItem> removed) {
        byte[] sealed = PlainJsonSealedContent.seal(new CalendarItemsPageContent(upserted, removed));
        return new CalendarItemsFetchedEvent(SyncChannel.CALENDAR.streamIdFor(accountId), accountId, workspaceId, ownerId,
                syncId, 1, upserted.size(), removed.size(), upserted.size(), null, null, sealed);
    }

    public static SyncCompletedEvent completed(String accountId, SyncChannel channel, String syncId, SyncKind kind) {
        return new SyncCompletedEvent(channel.streamIdFor(accountId), accountId, channel, syncId, kind, 1, 0, "cursor-" + syncId);
    }

    /** A message in the Graph folder {@code folderId} (null for Gmail) with the given labels. */
    public static SyncedMessage message(String externalId, String folderId, List<String> labels, EmailAddress from,
                                        Instant receivedAt, boolean unread) {
        return new SyncedMessage(externalId, "thread-" + externalId, folderId, labels, from,
                List.of(new EmailAddress("Alice", "alice@example.com")), List.of(), "Subject " + externalId,
                "Snippet " + externalId, "Body of " + externalId, false, receivedAt, unread, List.of());
    }

    public static SyncedMessage message(String externalId, Instant receivedAt) {
        return message(externalId, null, List.of("INBOX"), new EmailAddress("Bob Sender", "bob@example.com"), receivedAt, true);
    }

    public static CalendarItem item(String externalId, Instant startsAt, Instant endsAt) {
        return new CalendarItem(externalId, "Item " + externalId, "About " + externalId, "Room 1", startsAt, endsAt,
                "Europe/Berlin", false, List.of(), null, new EmailAddress("Olga Organiser", "olga@example.com"),
                List.of(new CalendarAttendee("alice@example.com", "Alice", AttendeeResponse.ACCEPTED)),
                CalendarItemStatus.CONFIRMED);
    }

    public static CalendarItem allDay(String externalId, Instant firstDayMidnightUtc, int days) {
        return new CalendarItem(externalId, "All day " + externalId, null, null, firstDayMidnightUtc,
                firstDayMidnightUtc.plus(java.time.Duration.ofDays(days)), "Europe/Berlin", true, List.of(), null, null,
                List.of(), CalendarItemStatus.CONFIRMED);
    }

    public static CalendarItem series(String externalId, Instant firstStart, Instant firstEnd, String rule) {
        return new CalendarItem(externalId, "Series " + externalId, null, null, firstStart, firstEnd, "Europe/Berlin", false,
                List.of(rule), null, null, List.of(), CalendarItemStatus.CONFIRMED);
    }
}
