package dev.syncline.emulator.graph;

import java.util.List;

/**
 * One page of a delta round, read under the store's lock: in order, items as they are now and tombstones of
 * items that left the scope; then the token of the next page, or (when {@code next.delta()}) of the next
 * round.
 */
record DeltaPage<T>(List<Entry<T>> entries, DeltaToken next) {

    DeltaPage {
        entries = List.copyOf(entries);
    }

    /** An item ({@code removal} null) or a tombstone ({@code item} null). */
    record Entry<T>(T item, ChangeLog.Change removal) {
    }
}
