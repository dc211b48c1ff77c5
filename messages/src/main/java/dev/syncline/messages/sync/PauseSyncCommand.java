package dev.syncline.messages.sync;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pause the channel's running sync until the account is connected again (its grant was refused). */
public record PauseSyncCommand(@TargetAggregateIdentifier String channelSyncId, String reason) {
}
