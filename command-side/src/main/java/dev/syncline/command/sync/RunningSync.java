package dev.syncline.command.sync;

import dev.syncline.messages.sync.SyncKind;
import dev.syncline.messages.sync.SyncTrigger;

/**
 * The sync a channel is running: which one, from where it continues ({@code position}, the last
 * committed page's), how far it got, how many fetches in a row failed, and whether it waits for the
 * account to be re-authorized.
 */
record RunningSync(
        String syncId,
        SyncKind kind,
        SyncTrigger trigger,
        String position,
        int pages,
        long itemsDone,
        int failedAttempts,
        boolean paused) {

    static RunningSync started(String syncId, SyncKind kind, SyncTrigger trigger, String position) {
        return new RunningSync(syncId, kind, trigger, position, 0, 0, 0, false);
    }

    RunningSync afterPage(String nextPosition, long newItemsDone) {
        return new RunningSync(syncId, kind, trigger, nextPosition, pages + 1, newItemsDone, 0, paused);
    }

    RunningSync afterFailure() {
        return new RunningSync(syncId, kind, trigger, position, pages, itemsDone, failedAttempts + 1, paused);
    }

    RunningSync paused(boolean value) {
        return new RunningSync(syncId, kind, trigger, position, pages, itemsDone, value ? failedAttempts : 0, value);
    }

    /** A page read from {@code fromPosition} for {@code id} continues this sync; anything else is a stale duplicate. */
    boolean continuesFrom(String id, String fromPosition) {
        return syncId.equals(id) && java.util.Objects.equals(position, fromPosition);
    }
}
