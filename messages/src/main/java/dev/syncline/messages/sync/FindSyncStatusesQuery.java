package dev.syncline.messages.sync;

/** The sync status of every channel of every account one user connected; answered by a list of {@link SyncStatusView}. */
public record FindSyncStatusesQuery(String workspaceId, String ownerId) {
}
