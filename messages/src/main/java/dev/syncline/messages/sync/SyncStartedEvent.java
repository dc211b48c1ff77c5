package dev.syncline.messages.sync;

import dev.syncline.messages.account.Provider;
import org.axonframework.serialization.Revision;

/** A sync of one channel started; a {@code FULL} one starts from nothing, an incremental one from {@code position}. */
@Revision("1")
public record SyncStartedEvent(
        String channelSyncId,
        String accountId,
        String workspaceId,
        String ownerId,
        Provider provider,
        SyncChannel channel,
        String syncId,
        SyncKind kind,
        SyncTrigger trigger,
        String position) {
}
