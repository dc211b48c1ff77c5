package dev.syncline.messages.sync;

import java.time.Instant;

/** One sync run of one channel of an account, from its start to its end, with its counts and its last error in words. */
public record SyncRunView(
        String syncId,
        String accountId,
        SyncChannel channel,
        SyncKind kind,
        SyncTrigger trigger,
        SyncRunState state,
        int pages,
        long itemsDone,
        long upserted,
        long removed,
        Long estimatedTotal,
        Instant startedAt,
        Instant finishedAt,
        String lastError,
        Instant updatedAt) {
}
