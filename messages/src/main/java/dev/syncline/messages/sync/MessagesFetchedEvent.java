package dev.syncline.messages.sync;

import org.axonframework.serialization.Revision;

/**
 * A page of mail was read and committed together with the position after it. The messages and removals
 * are in {@code sealedContent} ({@link MessagesPageContent}, sealed with the account's data key for
 * {@link SealedContent#MAIL_PAGE}); the counts stay readable for the audit trail after a disconnect.
 */
@Revision("1")
public record MessagesFetchedEvent(
        String channelSyncId,
        String accountId,
        String workspaceId,
        String ownerId,
        String syncId,
        int page,
        int upsertedCount,
        int removedCount,
        long itemsDone,
        Long estimatedTotal,
        String nextPosition,
        byte[] sealedContent) {
}
