package dev.syncline.providers.graph;

import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemStatus;
import dev.syncline.messages.sync.CalendarItemsPage;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.providers.sync.CalendarSource;
import dev.syncline.providers.sync.MailboxAccess;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a read model of one calendar would hold after applying pages: upserts by id, removals by id. */
final class CalendarReplica {

    private final Map<String, CalendarItem> byId = new HashMap<>();
    private int pages;

    String sync(CalendarSource source, MailboxAccess access, String position) {
        CalendarItemsPage page;
        String next = position;
        do {
            page = source.fetch(access, next);
            apply(page);
            next = page.nextPosition();
        } while (!page.last());
        return page.cursor();
    }

    void apply(CalendarItemsPage page) {
        pages++;
        page.upserted().forEach(item -> byId.put(item.externalId(), item));
        page.removed().stream().map(RemovedItem::externalId).forEach(byId::remove);
    }

    int pages() {
        return pages;
    }

    CalendarItem get(String id) {
        return byId.get(id);
    }

    List<CalendarItem> items() {
        return List.copyOf(byId.values());
    }

    List<CalendarSnapshotItem> asSnapshot() {
        return byId.values().stream().sorted(Comparator.comparing(CalendarItem::externalId))
                .map(item -> new CalendarSnapshotItem(item.externalId(), item.title(), item.startsAt(), item.endsAt(),
                        item.allDay(), item.status() == CalendarItemStatus.CANCELLED,
                        item.recurrence().isEmpty() ? null : item.recurrence().get(0)))
                .toList();
    }
}
