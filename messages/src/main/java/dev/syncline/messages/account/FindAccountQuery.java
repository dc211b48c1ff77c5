package dev.syncline.messages.account;

/** One account, if it exists and belongs to the given user. Answered by an optional {@link AccountView}. */
public record FindAccountQuery(String accountId, String workspaceId, String ownerId) {
}
