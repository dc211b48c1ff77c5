package dev.syncline.messages.account;

/** The timeline of an account owned by the given user, oldest first. Answered by a list of {@link AuditEntryView}. */
public record FindAccountAuditQuery(String accountId, String workspaceId, String ownerId) {
}
