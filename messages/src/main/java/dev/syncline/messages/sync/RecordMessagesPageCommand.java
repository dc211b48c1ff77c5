package dev.syncline.messages.sync;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a page of mail read from {@code fromPosition} for the running sync {@code syncId}. The handler
 * seals the content. A page for another sync or another position is stale (a duplicate fetch) and is
 * ignored: the command answers false.
 */
public record RecordMessagesPageCommand(
        @TargetAggregateIdentifier String channelSyncId,
        String syncId,
        String fromPosition,
        MessagesPage page) {
}
