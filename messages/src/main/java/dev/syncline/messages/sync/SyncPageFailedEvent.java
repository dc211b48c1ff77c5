package dev.syncline.messages.sync;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Reading a page failed for a transient reason; attempt {@code attempt + 1} is due at {@code retryAt}. */
@Revision("1")
public record SyncPageFailedEvent(
        String channelSyncId,
        String accountId,
        SyncChannel channel,
        String syncId,
        int attempt,
        String reason,
        Instant retryAt) {
}
