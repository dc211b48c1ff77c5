package dev.syncline.messages.sync;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider asked the running sync to wait until {@code retryAt}; waiting does not use up its retries. */
public record RecordSyncThrottledCommand(
        @TargetAggregateIdentifier String channelSyncId,
        String syncId,
        Instant retryAt,
        String reason) {
}
