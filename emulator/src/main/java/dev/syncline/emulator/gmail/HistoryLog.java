package dev.syncline.emulator.gmail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The history records of one mailbox in id order, and the oldest start id still accepted. Like Gmail,
 * it forgets: beyond {@link #MAX_RECORDS} the oldest records go and start ids before them turn stale.
 * Not thread-safe; the mailbox's lock guards it.
 */
final class HistoryLog {

    static final int MAX_RECORDS = 200_000;
    /** Forgetting in chunks keeps appends cheap once the log is full. */
    private static final int FORGET_AT_ONCE = MAX_RECORDS / 10;

    private final List<HistoryRecord> records = new ArrayList<>();
    private long oldestValidStart;

    HistoryLog(long oldestValidStart) {
        this.oldestValidStart = oldestValidStart;
    }

    void append(HistoryRecord record) {
        records.add(record);
        if (records.size() > MAX_RECORDS) {
            int drop = FORGET_AT_ONCE;
            oldestValidStart = records.get(drop - 1).id();
            records.subList(0, drop).clear();
        }
    }

    /** Forgets everything: only start ids from {@code newOldestValidStart} on are accepted. */
    void restartAt(long newOldestValidStart) {
        records.clear();
        oldestValidStart = newOldestValidStart;
    }

    boolean accepts(long startHistoryId, long currentHistoryId) {
        return startHistoryId >= oldestValidStart && startHistoryId <= currentHistoryId;
    }

    /**
     * Records after {@code after} (a start id or the last record of the previous page) that match the
     * filters, at most {@code max}; {@code more} tells whether records remain beyond the last one scanned.
     */
    Slice after(long after, Set<String> types, String labelId, int max) {
        int index = firstIndexAfter(after);
        List<HistoryRecord> page = new ArrayList<>(Math.min(max, 64));
        long lastScanned = after;
        while (index < records.size() && page.size() < max) {
            HistoryRecord record = records.get(index++);
            lastScanned = record.id();
            if (record.hasAnyType(types) && (labelId == null || record.concernsLabel(labelId))) {
                page.add(record);
            }
        }
        return new Slice(page, index < records.size(), lastScanned);
    }

    private int firstIndexAfter(long id) {
        int low = 0;
        int high = records.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (records.get(mid).id() <= id) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** One page of history. */
    record Slice(List<HistoryRecord> records, boolean more, long lastScanned) {

        Slice {
            records = Collections.unmodifiableList(records);
        }
    }
}
