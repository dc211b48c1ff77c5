package dev.syncline.sagas.sync;

import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.SyncChannel;

/** The next page a sync needs: whose, which channel, and the position to read it from (null: from the start). */
public record PageRequest(
        String syncId,
        String channelSyncId,
        String accountId,
        Provider provider,
        SyncChannel channel,
        String position) {

    PageRequest at(String nextPosition) {
        return new PageRequest(syncId, channelSyncId, accountId, provider, channel, nextPosition);
    }
}
