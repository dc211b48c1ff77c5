package dev.syncline.messages.sync;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Fetching a page of the running sync failed. A transient failure is retried with backoff until the
 * attempts run out; a permanent one (the mailbox is unusable) ends the sync at once. {@code reason} is in
 * words and never holds a token or content.
 */
public record RecordSyncFailureCommand(
        @TargetAggregateIdentifier String channelSyncId,
        String syncId,
        String reason,
        boolean permanent) {
}
