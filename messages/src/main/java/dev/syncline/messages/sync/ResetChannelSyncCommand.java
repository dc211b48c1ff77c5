package dev.syncline.messages.sync;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Forget the channel's cursor and end any sync it runs, because its synced data is gone (the account was
 * disconnected); the next sync of the channel is a full one.
 */
public record ResetChannelSyncCommand(@TargetAggregateIdentifier String channelSyncId, String reason) {
}
