package dev.syncline.api.syncs;

/** The answer to a sync request: the sync that runs now (a new one, or the one already running). */
public record SyncAccepted(String syncId, String accountId, String channel, String mode) {
}
