package dev.syncline.emulator.gcalendar;

import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import dev.syncline.emulator.mailbox.GeneratedCalendarItem;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The primary calendar of one user. Every change takes the next change number, so a sync token means
 * "changes after number n"; the epoch names the generation of cursors, and a new epoch makes every
 * earlier sync and page token answer 410. Items are kept and listed in id order. Thread-safe: each
 * operation holds the calendar's lock, so a listing never sees half a change.
 */
final class UserCalendar {

    private final String email;
    private final Clock clock;
    private final TreeMap<String, StoredEvent> events = new TreeMap<>();
    private long sequence;
    private long itemsCreated;
    private String epoch = newEpoch();

    UserCalendar(String email, Clock clock) {
        this.email = email;
        this.clock = clock;
    }

    String email() {
        return email;
    }

    /** Replaces every item; cursors of the old content would describe another calendar, so they expire. */
    synchronized List<String> seed(List<GeneratedCalendarItem> items) {
        events.clear();
        itemsCreated = 0;
        epoch = newEpoch();
        return items.stream().map(this::store).toList();
    }

    synchronized String add(GeneratedCalendarItem item) {
        return store(item);
    }

    /** @throws NoSuchElementException if the calendar lists no such item (unknown or cancelled) */
    synchronized void edit(String id, String newTitle, LocalDateTime newStart) {
        StoredEvent event = listed(id);
        events.put(id, event.edited(newTitle, newStart, ++sequence, clock.instant()));
    }

    /** Cancelling a cancelled item changes nothing, as a second delete at Google changes nothing. */
    synchronized void cancel(String id) {
        StoredEvent event = events.get(id);
        if (event == null) {
            throw new NoSuchElementException("No calendar item " + id + " for " + email);
        }
        if (!event.cancelled()) {
            events.put(id, event.cancel(++sequence, clock.instant()));
        }
    }

    synchronized void expireCursors() {
        epoch = newEpoch();
    }

    synchronized List<CalendarSnapshotItem> snapshot() {
        return events.values().stream().filter(event -> !event.cancelled()).map(StoredEvent::snapshot).toList();
    }

    /**
     * One page of {@code events.list}. A full listing shows cancelled items only with {@code showDeleted};
     * an incremental one (sync token, or a page token that continues one) shows every item changed after
     * the token's change number, cancelled ones included whatever {@code showDeleted} says.
     *
     * @throws CalendarApiException 400 for a token that is not one, 410 for one of an earlier epoch
     */
    synchronized ListingPage list(EventsQuery query) {
        PageToken position = startingPoint(query);
        List<StoredEvent> page = new ArrayList<>();
        boolean more = false;
        for (StoredEvent event : events.tailMap(position.afterId(), false).values()) {
            if (!belongs(event, position, query)) {
                continue;
            }
            if (page.size() == query.maxResults()) {
                more = true;
                break;
            }
            page.add(event);
        }
        if (more) {
            String lastId = page.get(page.size() - 1).id();
            PageToken next = new PageToken(epoch, position.snapshotSequence(), position.sinceSequence(), lastId);
            return new ListingPage(page, next.encode(), null, sequence);
        }
        return new ListingPage(page, null, new SyncToken(epoch, position.snapshotSequence()).encode(), sequence);
    }

    private PageToken startingPoint(EventsQuery query) {
        if (query.hasPageToken()) {
            PageToken token = PageToken.decode(query.pageToken()).orElseThrow(() ->
                    new CalendarApiException(GoogleApiErrors.invalidParameter("Invalid page token value.")));
            requireCurrentEpoch(token.epoch());
            return token;
        }
        if (query.hasSyncToken()) {
            SyncToken token = SyncToken.decode(query.syncToken()).orElseThrow(() ->
                    new CalendarApiException(GoogleApiErrors.invalidParameter("Invalid sync token value.")));
            requireCurrentEpoch(token.epoch());
            return new PageToken(epoch, sequence, token.sequence(), "");
        }
        return new PageToken(epoch, sequence, PageToken.FULL_LISTING, "");
    }

    private void requireCurrentEpoch(String tokenEpoch) {
        if (!tokenEpoch.equals(epoch)) {
            throw new CalendarApiException(GoogleApiErrors.fullSyncRequired());
        }
    }

    private static boolean belongs(StoredEvent event, PageToken position, EventsQuery query) {
        if (position.incremental()) {
            return event.changeSequence() > position.sinceSequence();
        }
        return (query.showDeleted() || !event.cancelled()) && withinTimeRange(event, query);
    }

    /** A series may run on past its first occurrence, so only its start counts against {@code timeMax}. */
    private static boolean withinTimeRange(StoredEvent event, EventsQuery query) {
        if (query.timeMax() != null && !event.startsAt().isBefore(query.timeMax())) {
            return false;
        }
        boolean series = event.content().recurrence() != null;
        return query.timeMin() == null || series || event.endsAt().isAfter(query.timeMin());
    }

    private StoredEvent listed(String id) {
        StoredEvent event = events.get(id);
        if (event == null || event.cancelled()) {
            throw new NoSuchElementException("No calendar item " + id + " for " + email);
        }
        return event;
    }

    private String store(GeneratedCalendarItem item) {
        String id = EventIds.of(email, item.key(), ++itemsCreated);
        events.put(id, StoredEvent.created(id, item, ++sequence, clock.instant()));
        return id;
    }

    private static String newEpoch() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }
}
