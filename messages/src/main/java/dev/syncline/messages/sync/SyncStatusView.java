package dev.syncline.messages.sync;

import dev.syncline.messages.account.Provider;
import java.time.Instant;

/**
 * The sync status of one channel of an account as its owner sees it: stage, the current or last sync and its
 * progress ({@code itemsDone} of {@code estimatedTotal}, which is null when the provider does not tell) and
 * counts, when it ran, the next run, the last error in words and whether the owner must re-authorize.
 */
public record SyncStatusView(
        String accountId,
        Provider provider,
        SyncChannel channel,
        SyncStage stage,
        String syncId,
        SyncKind kind,
        SyncTrigger trigger,
        long itemsDone,
        Long estimatedTotal,
        int pages,
        long upserted,
        long removed,
        Instant startedAt,
        Instant finishedAt,
        Instant lastSuccessAt,
        Instant nextRunAt,
        Instant throttledUntil,
        String lastError,
        boolean actionRequired,
        Instant updatedAt) {
}
