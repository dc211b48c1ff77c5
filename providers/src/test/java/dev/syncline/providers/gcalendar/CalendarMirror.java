package dev.syncline.providers.gcalendar;

import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemsPage;
import dev.syncline.messages.sync.RemovedItem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a sync has learnt of a calendar, applied page by page as Syncline's read model would. */
final class CalendarMirror {

    private final Map<String, CalendarItem> items = new TreeMap<>();

    void apply(CalendarItemsPage page) {
        page.upserted().forEach(item -> items.put(item.externalId(), item));
        page.removed().stream().map(RemovedItem::externalId).forEach(items::remove);
    }

    CalendarItem get(String id) {
        return items.get(id);
    }

    /** In the emulator's snapshot terms, so a test compares the two exactly. */
    List<CalendarSnapshotItem> asSnapshot() {
        return items.values().stream()
                .map(item -> new CalendarSnapshotItem(item.externalId(), item.title(), item.startsAt(), item.endsAt(),
                        item.allDay(), false, item.recurrence().isEmpty() ? null : String.join("\n", item.recurrence())))
                .sorted(Comparator.comparing(CalendarSnapshotItem::id))
                .toList();
    }
}
