package dev.syncline.messages.sync;

import dev.syncline.messages.account.Provider;
import org.axonframework.serialization.Revision;

/** A paused sync continues from the last page it committed, {@code position}. */
@Revision("1")
public record SyncResumedEvent(
        String channelSyncId,
        String accountId,
        String workspaceId,
        String ownerId,
        Provider provider,
        SyncChannel channel,
        String syncId,
        SyncKind kind,
        SyncTrigger trigger,
        String position,
        long itemsDone) {
}
