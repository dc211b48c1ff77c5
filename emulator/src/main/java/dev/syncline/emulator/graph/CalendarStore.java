package dev.syncline.emulator.graph;

import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import dev.syncline.emulator.mailbox.GeneratedCalendarItem;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The primary Outlook calendar of one user: items (single ones and series masters) and their change log.
 * A deleted item is gone (its tombstone comes as {@code @removed}); a cancelled meeting stays, flagged.
 */
final class CalendarStore {

    private final GraphIds ids;
    private final String calendarId;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, StoredCalendarItem> items = new HashMap<>();
    private ChangeLog changes = new ChangeLog();
    private long nextSerial = 1;
    private long sequence;
    private int generation;

    CalendarStore(GraphIds ids) {
        this.ids = ids;
        this.calendarId = ids.calendar();
    }

    List<String> seed(List<GeneratedCalendarItem> generated) {
        return write(() -> {
            items.clear();
            changes = new ChangeLog();
            generation++;
            List<String> added = new ArrayList<>(generated.size());
            generated.forEach(item -> added.add(insert(item)));
            return added;
        });
    }

    String add(GeneratedCalendarItem item) {
        return write(() -> insert(item));
    }

    void update(String id, String newTitle, LocalDateTime newStart) {
        write(() -> {
            StoredCalendarItem changed = existing(id).changed(newTitle, newStart);
            items.put(id, changed);
            changes.present(id, ++sequence);
            return null;
        });
    }

    void delete(String id) {
        write(() -> {
            existing(id);
            items.remove(id);
            changes.removed(id, 0, ++sequence, "deleted");
            return null;
        });
    }

    void expireCursors() {
        write(() -> generation++);
    }

    List<CalendarSnapshotItem> snapshot() {
        return read(() -> items.values().stream().sorted(Comparator.comparing(StoredCalendarItem::id))
                .map(StoredCalendarItem::snapshot).toList());
    }

    /** @throws GraphApiException 410 {@code resyncRequired} for an expired token */
    DeltaPage<StoredCalendarItem> delta(DeltaToken token, int pageSize) {
        return read(() -> DeltaRounds.page(changes, calendarId, generation, sequence, token, pageSize, List.of(),
                "resyncRequired", items::get));
    }

    private String insert(GeneratedCalendarItem content) {
        long serial = nextSerial++;
        StoredCalendarItem item = StoredCalendarItem.of(serial, ids.event(serial), content);
        items.put(item.id(), item);
        changes.present(item.id(), ++sequence);
        return item.id();
    }

    private StoredCalendarItem existing(String id) {
        StoredCalendarItem item = items.get(id);
        if (item == null) {
            throw new NoSuchElementException("No calendar item " + id);
        }
        return item;
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
