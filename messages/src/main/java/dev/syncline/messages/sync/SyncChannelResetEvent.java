package dev.syncline.messages.sync;

import org.axonframework.serialization.Revision;

/** The channel forgot its cursor and ended the sync it was running (named by {@code endedSyncId}, or null). */
@Revision("1")
public record SyncChannelResetEvent(String channelSyncId, String accountId, SyncChannel channel, String endedSyncId, String reason) {
}
