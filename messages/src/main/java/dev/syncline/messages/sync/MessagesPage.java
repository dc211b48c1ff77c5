package dev.syncline.messages.sync;

import java.util.List;

/**
 * One page of mail changes read from a provider. {@code nextPosition} is where the same sync continues;
 * when it is null this was the last page and {@code cursor} is where the next incremental sync starts.
 * Positions and cursors are opaque to everyone but the adapter that made them.
 *
 * @param estimatedTotal how many items the whole sync will see, when the provider tells; otherwise null
 */
public record MessagesPage(
        List<SyncedMessage> upserted,
        List<RemovedItem> removed,
        String nextPosition,
        String cursor,
        Long estimatedTotal) {

    public MessagesPage {
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
