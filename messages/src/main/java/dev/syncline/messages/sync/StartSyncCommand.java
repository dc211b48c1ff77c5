package dev.syncline.messages.sync;

import dev.syncline.messages.account.Provider;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sync one channel of an account. Answers the id of the sync that runs: {@code proposedSyncId} when a
 * new one starts, or the id of the sync already running (or paused, which this resumes).
 */
public record StartSyncCommand(
        @TargetAggregateIdentifier String channelSyncId,
        String accountId,
        String workspaceId,
        String ownerId,
        Provider provider,
        SyncChannel channel,
        SyncMode mode,
        SyncTrigger trigger,
        String proposedSyncId) {

    public StartSyncCommand {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(proposedSyncId, "proposedSyncId");
        if (!channel.streamIdFor(accountId).equals(channelSyncId)) {
            throw new IllegalArgumentException("channelSyncId must be " + channel.streamIdFor(accountId));
        }
    }
}
