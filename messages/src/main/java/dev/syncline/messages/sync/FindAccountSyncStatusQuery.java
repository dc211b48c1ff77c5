package dev.syncline.messages.sync;

/**
 * The sync status of each channel of one account of the given user, answered by a list of {@link SyncStatusView}
 * (empty for an unknown account and for another user's), and as a subscription query updated with the
 * {@link SyncStatusView} of each channel that changes.
 */
public record FindAccountSyncStatusQuery(String accountId, String workspaceId, String ownerId) {
}
