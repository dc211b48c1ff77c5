package dev.syncline.messages.sync;

/** One sync run of an account of the given user; answered by an optional {@link SyncRunView}. */
public record FindSyncRunQuery(String accountId, String syncId, String workspaceId, String ownerId) {
}
