package dev.syncline.messages.sync;

import org.axonframework.serialization.Revision;

/** The sync waits for the user to connect the account again; it keeps its position. */
@Revision("1")
public record SyncPausedEvent(
        String channelSyncId,
        String accountId,
        SyncChannel channel,
        String syncId,
        String reason) {
}
