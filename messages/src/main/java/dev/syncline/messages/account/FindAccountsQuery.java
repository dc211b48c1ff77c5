package dev.syncline.messages.account;

/** The accounts one user connected, newest first. Answered by a list of {@link AccountView}. */
public record FindAccountsQuery(String workspaceId, String ownerId) {
}
