package dev.syncline.messages.sync;

import org.axonframework.serialization.Revision;

/** The sync gave up; {@code reason} says why in words. The next scheduled run starts again from the channel's cursor. */
@Revision("1")
public record SyncFailedEvent(
        String channelSyncId,
        String accountId,
        SyncChannel channel,
        String syncId,
        String reason,
        int attempts) {
}
