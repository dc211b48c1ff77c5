package dev.syncline.messages.sync;

import org.axonframework.serialization.Revision;

/** The provider no longer accepted the sync's cursor; this sync ends and a full resync follows. */
@Revision("1")
public record SyncCursorExpiredEvent(
        String channelSyncId,
        String accountId,
        SyncChannel channel,
        String syncId,
        String reason) {
}
