package dev.syncline.query.audit;

import dev.syncline.messages.sync.CalendarItemsFetchedEvent;
import dev.syncline.messages.sync.MessagesFetchedEvent;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncCursorExpiredEvent;
import dev.syncline.messages.sync.SyncFailedEvent;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.messages.sync.SyncPageFailedEvent;
import dev.syncline.messages.sync.SyncPausedEvent;
import dev.syncline.messages.sync.SyncResumedEvent;
import dev.syncline.messages.sync.SyncStartedEvent;
import dev.syncline.messages.sync.SyncThrottledEvent;
import dev.syncline.messages.sync.SyncTrigger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts each step of a sync into the shape of an audit entry: a sentence and the step's plain facts (channel,
 * sync id, kind, trigger, counts, times, reasons). Never content: pages are sealed and stay unread, and
 * positions and cursors stay out too, as a provider's cursor can hold a delta token.
 */
final class SyncAuditEntries {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private SyncAuditEntries() {
    }

    /** Where an entry comes from: the event's identity, position and time, who caused it and why. */
    record Origin(String eventId, long position, Instant occurredAt, String actor, String cause) {
    }

    static AuditEntry started(SyncStartedEvent event, Origin origin) {
        Map<String, Object> details = sync(event.channel(), event.syncId());
        details.put("kind", event.kind().name());
        details.put("trigger", event.trigger().name());
        String summary = "Started " + (event.kind() == SyncKind.FULL ? "a full" : "an incremental") + " sync of the "
                + channel(event.channel()) + " " + because(event.trigger()) + ".";
        return entry(origin, event.accountId(), AuditType.SYNC_STARTED, summary, details, event.trigger());
    }

    static AuditEntry resumed(SyncResumedEvent event, Origin origin) {
        Map<String, Object> details = sync(event.channel(), event.syncId());
        details.put("kind", event.kind().name());
        details.put("trigger", event.trigger().name());
        details.put("itemsDone", event.itemsDone());
        String summary = "Resumed the " + kind(event.kind()) + " sync of the " + channel(event.channel()) + " after "
                + items(event.itemsDone()) + ".";
        return entry(origin, event.accountId(), AuditType.SYNC_RESUMED, summary, details, event.trigger());
    }

    static AuditEntry messagesFetched(MessagesFetchedEvent event, Origin origin) {
        return pageFetched(origin, event.accountId(), SyncChannel.MAIL, event.syncId(), event.page(), event.upsertedCount(),
                event.removedCount(), event.itemsDone(), event.estimatedTotal());
    }

    static AuditEntry calendarItemsFetched(CalendarItemsFetchedEvent event, Origin origin) {
        return pageFetched(origin, event.accountId(), SyncChannel.CALENDAR, event.syncId(), event.page(),
                event.upsertedCount(), event.removedCount(), event.itemsDone(), event.estimatedTotal());
    }

    static AuditEntry throttled(SyncThrottledEvent event, Origin origin) {
        Map<String, Object> details = sync(event.channel(), event.syncId());
        putIfPresent(details, "retryAt", event.retryAt());
        putIfPresent(details, "reason", event.reason());
        String summary = sentence("The provider throttled the " + channel(event.channel()) + " sync until "
                + when(event.retryAt()) + reason(event.reason()));
        return entry(origin, event.accountId(), AuditType.SYNC_THROTTLED, summary, details, null);
    }

    static AuditEntry pageFailed(SyncPageFailedEvent event, Origin origin) {
        Map<String, Object> details = sync(event.channel(), event.syncId());
        details.put("attempt", event.attempt());
        putIfPresent(details, "reason", event.reason());
        putIfPresent(details, "retryAt", event.retryAt());
        String summary = "Reading a page of the " + channel(event.channel()) + " sync failed (attempt " + event.attempt() + ")"
                + reason(event.reason()) + "; next attempt at " + when(event.retryAt()) + ".";
        return entry(origin, event.accountId(), AuditType.SYNC_PAGE_FAILED, summary, details, null);
    }

    static AuditEntry cursorExpired(SyncCursorExpiredEvent event, Origin origin) {
        Map<String, Object> details = sync(event.channel(), event.syncId());
        putIfPresent(details, "reason", event.reason());
        String summary = "The provider no longer accepted the position of the " + channel(event.channel()) + " sync"
                + (isBlank(event.reason()) ? "" : " (" + event.reason().strip() + ")") + "; a full resync follows.";
        return entry(origin, event.accountId(), AuditType.SYNC_CURSOR_EXPIRED, summary, details, null);
    }

    static AuditEntry paused(SyncPausedEvent event, Origin origin) {
        Map<String, Object> details = sync(event.channel(), event.syncId());
        putIfPresent(details, "reason", event.reason());
        String summary = sentence("Paused the " + channel(event.channel()) + " sync until the account is connected again"
                + reason(event.reason()));
        return entry(origin, event.accountId(), AuditType.SYNC_PAUSED, summary, details, null);
    }

    static AuditEntry completed(SyncCompletedEvent event, Origin origin) {
        Map<String, Object> details = sync(event.channel(), event.syncId());
        details.put("kind", event.kind().name());
        details.put("pages", event.pages());
        details.put("itemsDone", event.itemsDone());
        String summary = "Completed the " + kind(event.kind()) + " sync of the " + channel(event.channel()) + ": "
                + event.pages() + (event.pages() == 1 ? " page, " : " pages, ") + items(event.itemsDone()) + ".";
        return entry(origin, event.accountId(), AuditType.SYNC_COMPLETED, summary, details, null);
    }

    static AuditEntry failed(SyncFailedEvent event, Origin origin) {
        Map<String, Object> details = sync(event.channel(), event.syncId());
        putIfPresent(details, "reason", event.reason());
        details.put("attempts", event.attempts());
        String summary = sentence("The " + channel(event.channel()) + " sync gave up after " + event.attempts()
                + (event.attempts() == 1 ? " attempt" : " attempts") + reason(event.reason()));
        return entry(origin, event.accountId(), AuditType.SYNC_FAILED, summary, details, null);
    }

    private static AuditEntry pageFetched(Origin origin, String accountId, SyncChannel channel, String syncId, int page,
                                          int upserted, int removed, long itemsDone, Long estimatedTotal) {
        Map<String, Object> details = sync(channel, syncId);
        details.put("page", page);
        details.put("upserted", upserted);
        details.put("removed", removed);
        details.put("itemsDone", itemsDone);
        putIfPresent(details, "estimatedTotal", estimatedTotal);
        String summary = "Read page " + page + " of the " + channel(channel) + " sync: " + upserted + " new or changed, "
                + removed + " removed; " + items(itemsDone) + (estimatedTotal == null ? "" : " of about " + estimatedTotal)
                + " so far.";
        return entry(origin, accountId, AuditType.SYNC_PAGE_FETCHED, summary, details, null);
    }

    private static AuditEntry entry(Origin origin, String accountId, AuditType type, String summary,
                                    Map<String, Object> details, SyncTrigger trigger) {
        return new AuditEntry(origin.eventId(), origin.position(), accountId, origin.occurredAt(), type.name(),
                AccountAuditProjection.actor(origin.actor()), AccountAuditProjection.cause(origin.cause(), trigger), summary,
                details);
    }

    private static Map<String, Object> sync(SyncChannel channel, String syncId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", channel.name());
        details.put("syncId", syncId);
        return details;
    }

    private static String because(SyncTrigger trigger) {
        return switch (trigger) {
            case ACCOUNT_CONNECTED -> "because the account was connected";
            case RECONNECTED -> "because the account was connected again";
            case USER_REQUEST -> "at the owner's request";
            case SCHEDULE -> "on schedule";
            case CURSOR_EXPIRED -> "because the provider no longer accepted the last position";
        };
    }

    private static String kind(SyncKind kind) {
        return kind == SyncKind.FULL ? "full" : "incremental";
    }

    private static String channel(SyncChannel channel) {
        return channel == SyncChannel.MAIL ? "mail" : "calendar";
    }

    private static String items(long count) {
        return count + (count == 1 ? " item" : " items");
    }

    private static String reason(String reason) {
        return isBlank(reason) ? "" : ": " + reason.strip();
    }

    private static String when(Instant instant) {
        return instant == null ? "an unknown time" : WHEN.format(instant);
    }

    private static void putIfPresent(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }

    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
