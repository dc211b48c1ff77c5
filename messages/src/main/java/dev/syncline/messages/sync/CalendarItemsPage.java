package dev.syncline.messages.sync;

import java.util.List;

/**
 * One page of calendar changes read from a provider; positions and cursor as in {@link MessagesPage}.
 */
public record CalendarItemsPage(
        List<CalendarItem> upserted,
        List<RemovedItem> removed,
        String nextPosition,
        String cursor,
        Long estimatedTotal) {

    public CalendarItemsPage {
        upserted = List.copyOf(upserted);
        removed = List.copyOf(removed);
        if (nextPosition == null && cursor == null) {
            throw new IllegalArgumentException("The last page must carry the cursor for the next incremental sync");
        }
    }

    public boolean last() {
        return nextPosition == null;
    }
}
