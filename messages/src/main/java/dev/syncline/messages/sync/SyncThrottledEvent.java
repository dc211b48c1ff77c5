package dev.syncline.messages.sync;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The provider throttled the sync; it continues at {@code retryAt}. */
@Revision("1")
public record SyncThrottledEvent(
        String channelSyncId,
        String accountId,
        SyncChannel channel,
        String syncId,
        Instant retryAt,
        String reason) {
}
