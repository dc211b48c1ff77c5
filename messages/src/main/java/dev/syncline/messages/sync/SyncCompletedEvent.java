package dev.syncline.messages.sync;

import org.axonframework.serialization.Revision;

/**
 * The sync read its last page. {@code cursor} is where the next incremental sync starts. After a
 * {@code FULL} sync, whatever the channel holds that this sync did not see is gone at the provider.
 */
@Revision("1")
public record SyncCompletedEvent(
        String channelSyncId,
        String accountId,
        SyncChannel channel,
        String syncId,
        SyncKind kind,
        int pages,
        long itemsDone,
        String cursor) {
}
