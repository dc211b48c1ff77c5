package dev.syncline.messages.sync;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider no longer accepts the running sync's cursor. The channel forgets it and starts one full
 * resync, {@code resyncId}, which also removes what the provider no longer has.
 */
public record RecordCursorExpiredCommand(
        @TargetAggregateIdentifier String channelSyncId,
        String syncId,
        String reason,
        String resyncId) {
}
