package dev.syncline.emulator.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The latest change of every item in one delta scope (a mail folder, or the calendar), ordered by the
 * mailbox-wide sequence number at which it happened. Each item has one entry: its last upsert, or the
 * tombstone left when it went. A delta round reads the entries after the round's start up to its end, so
 * a page costs O(page size), and an item that changes while a round is paged moves past the round's end
 * and comes in the next one. Not thread-safe: its store guards it.
 */
final class ChangeLog {

    private final NavigableMap<Long, Change> bySequence = new TreeMap<>();
    private final Map<String, Long> latest = new HashMap<>();

    void present(String id, long sequence) {
        put(new Change(sequence, id, null, 0));
    }

    /** @param generation the move count of the item when it left, so its REST id can still be named */
    void removed(String id, int generation, long sequence, String reason) {
        put(new Change(sequence, id, reason, generation));
    }

    /**
     * Up to {@code limit} entries after {@code after}, at most {@code upTo}; tombstones are left out when
     * {@code presentOnly} (a first round, whose client never saw the item).
     */
    Slice slice(long after, long upTo, boolean presentOnly, int limit) {
        List<Change> changes = new ArrayList<>(Math.min(limit, 1_024));
        long last = after;
        for (Change change : bySequence.subMap(after, false, upTo, true).values()) {
            if (changes.size() == limit) {
                return new Slice(changes, last, true);
            }
            last = change.sequence();
            if (!(presentOnly && change.removed())) {
                changes.add(change);
            }
        }
        return new Slice(changes, upTo, false);
    }

    private void put(Change change) {
        Long previous = latest.put(change.id(), change.sequence());
        if (previous != null) {
            bySequence.remove(previous);
        }
        bySequence.put(change.sequence(), change);
    }

    /** One entry: an upsert, or a tombstone when {@code removalReason} is set. */
    record Change(long sequence, String id, String removalReason, int generation) {

        boolean removed() {
            return removalReason != null;
        }
    }

    /** The entries of one page, where it ended, and whether the round has more. */
    record Slice(List<Change> changes, long last, boolean more) {
    }
}
