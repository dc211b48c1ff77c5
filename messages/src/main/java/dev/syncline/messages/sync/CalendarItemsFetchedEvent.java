package dev.syncline.messages.sync;

import org.axonframework.serialization.Revision;

/**
 * A page of calendar items was read and committed together with the position after it; content sealed
 * ({@link CalendarItemsPageContent}, {@link SealedContent#CALENDAR_PAGE}) as for mail.
 */
@Revision("1")
public record CalendarItemsFetchedEvent(
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
